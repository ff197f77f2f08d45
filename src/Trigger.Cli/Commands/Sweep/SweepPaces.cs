using Trigger.Cli.Pacing;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>One pace per quota category the sweep draws on, so each stays under its own limit.</summary>
internal sealed class SweepPaces(SweepOptions options, TimeProvider time) : IDisposable
{
    /// <summary>AdminCreateUser (UserCreation).</summary>
    public RequestPace Create { get; } = new(options.CreatesPerSecond, time);

    /// <summary>AdminSetUserPassword and AdminResetUserPassword.</summary>
    public RequestPace Password { get; } = new(options.PasswordCallsPerSecond, time);

    /// <summary>AdminGetUser (UserRead, 120); also AdminListGroupsForUser (UserResourceRead, 50), so keep it below 50 with groups.</summary>
    public RequestPace Read { get; } = new(options.ReadsPerSecond, time);

    /// <summary>ListUsers (UserList).</summary>
    public RequestPace List { get; } = new(options.PagesPerSecond, time);

    /// <summary>AdminAddUserToGroup (UserResourceUpdate).</summary>
    public RequestPace Groups { get; } = new(options.GroupAddsPerSecond, time);

    public void Dispose()
    {
        Create.Dispose();
        Password.Dispose();
        Read.Dispose();
        List.Dispose();
        Groups.Dispose();
    }
}
