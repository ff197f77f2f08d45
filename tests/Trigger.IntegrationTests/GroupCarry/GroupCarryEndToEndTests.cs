using System.Text.Json.Nodes;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.GroupCarry;

/// <summary>
/// Groups follow a user signing in through the trigger: cognito-local runs the real published bootstrap for
/// UserMigration and then PostAuthentication, and only then lists the user's groups for the tokens (as
/// Cognito issues tokens after PostAuthentication). Each test uses its own user.
/// </summary>
[Slow]
public sealed class GroupCarryEndToEndTests(GroupCarryFixture world) : IClassFixture<GroupCarryFixture>
{
    [Fact]
    public async Task SignIn_OldUserInTwoGroups_FirstTokensCarryBothGroups()
    {
        var answer = await world.SignInAsync("amelia");

        var tokens = answer["AuthenticationResult"]!;
        Assert.Equal(["admins", "editors"], TokenClaims.Groups(tokens["IdToken"]!.GetValue<string>()));
        Assert.Equal(["admins", "editors"], TokenClaims.Groups(tokens["AccessToken"]!.GetValue<string>()));
        Assert.Equal(["admins", "editors"], await world.NewPool.GroupsOfAsync(world.NewPoolId, "amelia"));
    }

    [Fact]
    public async Task SignIn_ByEmailAlias_GroupsGoToTheOldUsername()
    {
        var answer = await world.SignInAsync("boris@example.com");

        Assert.Equal(["staff"], TokenClaims.Groups(answer["AuthenticationResult"]!["IdToken"]!.GetValue<string>()));
        Assert.Equal(["staff"], await world.NewPool.GroupsOfAsync(world.NewPoolId, "boris"));
    }

    [Fact]
    public async Task SignIn_SecondTime_CostsNoOldPoolCallAndKeepsTheGroups()
    {
        await world.SignInAsync("dmitri");
        Assert.True(await BridgeOutput.AllInvocationsLoggedAsync(world.Bridge));
        var invocations = world.Bridge.Invocations;
        var oldPoolCalls = OldPoolCalls(world.Bridge.StandardOutput);

        var again = await world.SignInAsync("dmitri");

        Assert.True(await BridgeOutput.AllInvocationsLoggedAsync(world.Bridge));
        // Only the PostAuthentication step ran, and it asked the old pool nothing.
        Assert.Equal(invocations + 1, world.Bridge.Invocations);
        Assert.Equal(oldPoolCalls, OldPoolCalls(world.Bridge.StandardOutput));
        Assert.Equal(["admins", "staff"], TokenClaims.Groups(again["AuthenticationResult"]!["IdToken"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SignIn_GroupTheNewPoolLacks_SignsInWithTheOthersAndLogsTheGroupNotTheUser()
    {
        var answer = await world.SignInAsync("cleo");

        Assert.Equal(["staff"], TokenClaims.Groups(answer["AuthenticationResult"]!["IdToken"]!.GetValue<string>()));
        Assert.True(await BridgeOutput.AppearsAsync(world.Bridge, "\"groupsMissing\":[\"auditors\"]"));
        var line = world.Bridge.StandardOutput.Split('\n').Single(l => l.Contains("\"groupsMissing\":[\"auditors\"]", StringComparison.Ordinal));
        Assert.Contains("\"reason\":\"GroupMissingInNewPool\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("cleo", world.Bridge.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"GroupsMissing\":1", world.Bridge.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_MigratedUser_FirstSignInAfterTheResetCarriesTheGroups()
    {
        var migration = await world.Bridge.InvokeAsync(TriggerEvents.ForgotPassword(world.NewPoolId, "esme"));
        Assert.Equal("RESET_REQUIRED", JsonNode.Parse(migration.Payload)!["response"]!["finalUserStatus"]!.GetValue<string>());
        // cognito-local has no forgot-password migration: create the user as Cognito would, with the password
        // the user then chose through the code.
        await world.NewPool.CreateUserAsync(world.NewPoolId, new UserSpec("esme", GroupCarryFixture.Password) { Email = "esme@example.com" });

        var answer = await world.SignInAsync("esme");

        Assert.Equal(["editors"], TokenClaims.Groups(answer["AuthenticationResult"]!["IdToken"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SignIn_OldUserInNoGroup_SignsInWithoutGroups()
    {
        var answer = await world.SignInAsync("fergus");

        Assert.Empty(TokenClaims.Groups(answer["AuthenticationResult"]!["IdToken"]!.GetValue<string>()));
    }

    private static int OldPoolCalls(string output) =>
        output.Split('\n')
            .Where(l => l.Contains("\"message\":\"invocation\"", StringComparison.Ordinal))
            .Sum(l => JsonNode.Parse(l)!["oldPoolCalls"]!.GetValue<int>());
}
