using Trigger.Demo.App;
using Trigger.Demo.Seeds;
using Trigger.Testing;

namespace Trigger.Demo.Acts;

/// <summary>A user the first sign-ins moved into the new pool.</summary>
/// <param name="Attempt">The sign-in that migrated them.</param>
/// <param name="FirstAnswer">What their app saw then.</param>
/// <param name="OldUser">The user as the old pool reported it.</param>
/// <param name="NewUser">The user as the new pool reports it after the migration.</param>
/// <param name="AttributeDifferences">Where the new user's attributes differ from what the migration should carry; empty when faithful.</param>
/// <param name="LeftOut">The attributes the function says it left out (its log's <c>droppedAttributes</c>).</param>
internal sealed record MigratedUser(
    SignInAttempt Attempt,
    AppAnswer FirstAnswer,
    UserView OldUser,
    UserView NewUser,
    IReadOnlyList<string> AttributeDifferences,
    IReadOnlyList<string> LeftOut);
