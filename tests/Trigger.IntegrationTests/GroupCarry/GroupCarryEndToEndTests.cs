using System.Text.Json.Nodes;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.GroupCarry;

/// <summary>
/// Groups follow a user signing in through the trigger: cognito-local runs the real published bootstrap for
/// UserMigration, then PostAuthentication, then lists the user's groups for the tokens, then PreTokenGeneration.
/// What this shows of real Cognito is limited: here the tokens carry the groups because cognito-local lists the
/// memberships PostAuthentication wrote, and it ignores the answer's groupOverrideDetails (it applies only
/// claimsToAddOrOverride/claimsToSuppress). Real Cognito does not promise the first behaviour; the override the
/// function answers with is what carries the groups there, shown here by the function's own log and, answer by
/// answer, by the unit tests and the dynalite tests. Each test uses its own user.
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
        // Only the PostAuthentication and PreTokenGeneration steps ran, and they asked the old pool nothing.
        Assert.Equal(invocations + 2, world.Bridge.Invocations);
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

    [Fact]
    public async Task SignIn_FirstTime_PreTokenGenerationAnswersWithTheGroupsCognitoLocalThenIgnores()
    {
        var answer = await world.SignInAsync("gwen");

        Assert.Equal(["editors", "staff"], TokenClaims.Groups(answer["AuthenticationResult"]!["IdToken"]!.GetValue<string>()));
        Assert.True(await BridgeOutput.AllInvocationsLoggedAsync(world.Bridge));
        // The function answered cognito-local's (version "0", no groupConfiguration) event with an override of both
        // groups; the line names the groups' count, never the user.
        Assert.Contains(
            world.Bridge.StandardOutput.Split('\n'),
            l => l.Contains("\"triggerSource\":\"TokenGeneration_Authentication\"", StringComparison.Ordinal)
                && l.Contains("\"groupsInTokens\":2", StringComparison.Ordinal));
        Assert.DoesNotContain("gwen", world.Bridge.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshTokens_AfterTheFirstSignIn_KeepTheGroupsAndTheFunctionLooksNothingUp()
    {
        var first = await world.SignInAsync("hector");
        Assert.True(await BridgeOutput.AllInvocationsLoggedAsync(world.Bridge));

        var refreshed = await world.RefreshAsync(first["AuthenticationResult"]!["RefreshToken"]!.GetValue<string>());

        Assert.True(await BridgeOutput.AllInvocationsLoggedAsync(world.Bridge));
        Assert.Equal(["staff"], TokenClaims.Groups(refreshed["AuthenticationResult"]!["IdToken"]!.GetValue<string>()));
        var refreshLine = world.Bridge.StandardOutput.Split('\n')
            .Last(l => l.Contains("\"triggerSource\":\"TokenGeneration_RefreshTokens\"", StringComparison.Ordinal));
        Assert.DoesNotContain("groupsInTokens", refreshLine, StringComparison.Ordinal);
        Assert.Contains("\"oldPoolCalls\":0", refreshLine, StringComparison.Ordinal);
    }

    private static int OldPoolCalls(string output) =>
        output.Split('\n')
            .Where(l => l.Contains("\"message\":\"invocation\"", StringComparison.Ordinal))
            .Sum(l => JsonNode.Parse(l)!["oldPoolCalls"]!.GetValue<int>());
}
