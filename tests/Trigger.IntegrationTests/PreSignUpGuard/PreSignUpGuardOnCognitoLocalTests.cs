using Trigger.IntegrationTests.Support;
using Trigger.Testing;
using static Trigger.IntegrationTests.Support.CognitoLocalMigrationFixture;

namespace Trigger.IntegrationTests.PreSignUpGuard;

/// <summary>
/// The PreSignUp guard end to end: SignUp on the new cognito-local (preferred_username is an alias there)
/// fires the real published bootstrap through the bridge, which looks the claimed names up in the old
/// cognito-local and the new one.
/// </summary>
[Slow]
[Collection(CognitoLocalMigrationCollection.Name)]
public sealed class PreSignUpGuardOnCognitoLocalTests(CognitoLocalMigrationFixture world)
{
    // The attack: the stranger's preferred_username is an unmigrated old user's username. Let through, a
    // sign-in typed as "victor" would resolve to the stranger and the migration trigger would never fire.
    [Fact]
    public async Task SignUp_PreferredUsernameIsAnUnmigratedOldUsername_RefusedAndNobodyCreated()
    {
        await Assert.ThrowsAsync<CognitoApiException>(() =>
            world.SignUpAsync("m1", Password, new Dictionary<string, string> { ["preferred_username"] = "victor", ["email"] = "m1@example.com" }));

        Assert.Null(await world.NewUserOrNullAsync("m1"));
        Assert.True(await BridgeOutput.AppearsAsync(world.Bridge, "\"reason\":\"RefusedNameOwnedByOldUser\""));
    }

    [Fact]
    public async Task SignUp_FreshNames_PassesTheGuardAndIsCreated()
    {
        await world.SignUpAsync("m2", Password, new Dictionary<string, string> { ["preferred_username"] = "fresh-m2", ["email"] = "m2@example.com" });

        Assert.NotNull(await world.NewUserOrNullAsync("m2"));
    }
}
