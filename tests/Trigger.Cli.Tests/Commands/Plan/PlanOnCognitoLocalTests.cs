using System.Text.Json;
using System.Text.Json.Nodes;
using Trigger.Cli.Tests.Support;
using Trigger.Contract;
using Trigger.Testing;

namespace Trigger.Cli.Tests.Commands.Plan;

/// <summary><c>plan</c> against a live cognito-local: a clean pair, then one blocking finding at a time.</summary>
[Slow]
[Collection(CognitoLocalCollection.Name)]
public sealed class PlanOnCognitoLocalTests(CognitoLocalFixture world)
{
    [Fact]
    public async Task Plan_PoolsThatFit_ReportsNoFindingsAndExitsZero()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin);

        var result = await CliRunner.RunAsync(pair.Args("plan", "--old-client-id", pair.OldClient.ClientId));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("No findings: the two pools fit together.", result.Out, StringComparison.Ordinal);
        Assert.Contains($"{TriggerSettingNames.OldClientId}={pair.OldClient.ClientId}", result.Out, StringComparison.Ordinal);
        // The new pool's custom attributes are the function's to read (DescribeUserPool), not plan's to freeze.
        Assert.DoesNotContain($"{TriggerSettingNames.NewCustomAttributes}=", result.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Plan_PoolsThatFitAsJson_HasNoFindingsAndBothPools()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin);

        var result = await CliRunner.RunAsync(pair.Args("plan", "--output", "json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = JsonNode.Parse(result.Out)!;
        Assert.Empty(report["findings"]!.AsArray());
        Assert.Equal(pair.OldPoolId, report["oldPool"]!["id"]!.GetValue<string>());
        Assert.Equal(pair.NewPoolId, report["newPool"]!["id"]!.GetValue<string>());
        Assert.True(report["newPoolClients"]![0]!["reachesTrigger"]!.GetValue<bool>());
        Assert.Null(report["newPool"]!["userMigrationTrigger"]);
    }

    [Fact]
    public async Task Plan_CustomAttributeMissingInNewPool_IsBlocking()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin, newPool: p => p.Remove("Schema"));

        var (result, finding) = await PlanFindingAsync(pair, "attribute-missing");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("blocking", finding["severity"]!.GetValue<string>());
        Assert.Contains("custom:tenant", finding["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_MissingAttributeRenamedOntoAnExistingOne_HasNoFinding()
    {
        var pair = await TestPools.CreatePairAsync(
            world.Admin,
            newPool: p => p["Schema"]![0]!["Name"] = "org");

        var result = await CliRunner.RunAsync(pair.Args("plan", "--attribute-renames", "custom:tenant=custom:org", "--output", "json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(JsonNode.Parse(result.Out)!["findings"]!.AsArray());
        Assert.Contains("custom:tenant=custom:org", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_CustomAttributeTypeDiffers_IsBlocking()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin, newPool: p =>
        {
            p["Schema"]![0]!["AttributeDataType"] = "Number";
            p["Schema"]![0]!.AsObject().Remove("StringAttributeConstraints");
        });

        var (result, finding) = await PlanFindingAsync(pair, "attribute-type");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("String in the old pool but Number in the new pool", finding["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_NewPoolAcceptsShorterValues_IsBlocking()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin, newPool: p => p["Schema"]![0]!["StringAttributeConstraints"]!["MaxLength"] = "16");

        var (result, finding) = await PlanFindingAsync(pair, "attribute-constraints");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("length 0-16, old pool 0-256", finding["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_NewPoolTakesEmailAsUsername_IsBlocking()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin, newPool: p =>
        {
            p.Remove("AliasAttributes");
            p["UsernameAttributes"] = new JsonArray("email");
        });

        var (result, _) = await PlanFindingAsync(pair, "sign-in-username");

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Plan_NewPoolLacksTheOldEmailAlias_IsBlocking()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin, newPool: p => p.Remove("AliasAttributes"));

        var (result, finding) = await PlanFindingAsync(pair, "sign-in-alias");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("email", finding["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_NewPoolCaseSensitiveWhereOldIsNot_IsBlocking()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin, newPool: p => p["UsernameConfiguration"]!["CaseSensitive"] = true);

        var (result, finding) = await PlanFindingAsync(pair, "case-sensitivity");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("blocking", finding["severity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Plan_NewPoolClientOnlySrp_IsBlockingBecauseTheTriggerNeverFires()
    {
        var pair = await TestPools.CreatePairAsync(
            world.Admin,
            newClient: new AppClientSpec("web") { ExplicitAuthFlows = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], PreventUserExistenceErrors = "ENABLED" });

        var (result, finding) = await PlanFindingAsync(pair, "password-auth");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("blocking", finding["severity"]!.GetValue<string>());
        Assert.Contains("never fires", finding["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_NewPoolWithoutAnyClient_IsBlocking()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin, createNewClient: false);

        var (result, _) = await PlanFindingAsync(pair, "new-client-missing");

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Plan_OldClientWithoutAdminPasswordAuth_IsBlocking()
    {
        var pair = await TestPools.CreatePairAsync(
            world.Admin,
            oldClient: new AppClientSpec("trigger") { ExplicitAuthFlows = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] });

        var (result, finding) = await PlanFindingAsync(pair, "old-client-admin-auth", "--old-client-id", pair.OldClient.ClientId);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(pair.OldClient.ClientId, finding["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_OldClientIdThatDoesNotExist_IsBlocking()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin);

        var (result, _) = await PlanFindingAsync(pair, "old-client-missing", "--old-client-id", "nosuchclient1234");

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Plan_OldClientWithSecret_WarnsAndNeverPrintsTheSecret()
    {
        var pair = await TestPools.CreatePairAsync(
            world.Admin,
            oldClient: new AppClientSpec("trigger") { ExplicitAuthFlows = ["ALLOW_ADMIN_USER_PASSWORD_AUTH"], GenerateSecret = true });
        var secret = pair.OldClient.ClientSecret!;

        var (json, finding) = await PlanFindingAsync(pair, "old-client-secret", "--old-client-id", pair.OldClient.ClientId);
        var text = await CliRunner.RunAsync(pair.Args("plan", "--old-client-id", pair.OldClient.ClientId));

        Assert.Equal(0, json.ExitCode);
        Assert.Equal("warning", finding["severity"]!.GetValue<string>());
        Assert.DoesNotContain(secret, json.All, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text.All, StringComparison.Ordinal);
        Assert.Contains("has a secret", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_WarningsOnly_ExitZeroButOneWithStrict()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin, newPool: p => p["Policies"]!["PasswordPolicy"]!["MinimumLength"] = 12);

        var relaxed = await CliRunner.RunAsync(pair.Args("plan"));
        var strict = await CliRunner.RunAsync(pair.Args("plan", "--strict"));

        Assert.True(relaxed.ExitCode == 0, relaxed.ToString());
        Assert.Contains("password-policy", relaxed.Out, StringComparison.Ordinal);
        // The function reads the new pool's policy itself: plan no longer prints the override among its settings.
        Assert.DoesNotContain($"  {TriggerSettingNames.NewPasswordPolicy}=", relaxed.Out, StringComparison.Ordinal);
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public async Task Plan_ScanFindsTwoOldUsersSharingAVerifiedEmail_IsBlocking()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin);
        await world.Admin.CreateUserAsync(pair.OldPoolId, new UserSpec("ann", TestPools.Password) { Email = "shared@example.com" });
        await world.Admin.CreateUserAsync(pair.OldPoolId, new UserSpec("bea", TestPools.Password) { Email = "Shared@example.com" });
        await world.Admin.CreateUserAsync(pair.OldPoolId, new UserSpec("cid", TestPools.Password) { Email = "cid@example.com" });

        var (result, finding) = await PlanFindingAsync(pair, "alias-shared", "--scan", "100");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("shared by 2 of the 3 sampled old users", finding["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3, JsonNode.Parse(result.Out)!["sample"]!["read"]!.GetValue<int>());
    }

    [Fact]
    public async Task Plan_NewPoolAddsPreferredUsernameThatTwoOldUsersShare_ListsThemFromTheScan()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin, newPool: p => p["AliasAttributes"] = new JsonArray("email", "preferred_username"));
        await world.Admin.CreateUserAsync(pair.OldPoolId, new UserSpec("ann", TestPools.Password) { PreferredUsername = "ace" });
        await world.Admin.CreateUserAsync(pair.OldPoolId, new UserSpec("bea", TestPools.Password) { PreferredUsername = "ace" });
        await world.Admin.CreateUserAsync(pair.OldPoolId, new UserSpec("cid", TestPools.Password) { PreferredUsername = "cid" });

        var scratch = Directory.CreateTempSubdirectory("plan-snapshot-");
        var snapshot = Path.Combine(scratch.FullName, "old-pool.jsonl");
        try
        {
            var export = await CliRunner.RunAsync("export", "--old-pool-id", pair.OldPoolId, "--old-endpoint-url", pair.Endpoint.ToString(), "--file", snapshot);
            Assert.True(export.ExitCode == 0, export.ToString());

            var (unscanned, warning) = await PlanFindingAsync(pair, "alias-not-unique");
            var (scanned, finding) = await PlanFindingAsync(pair, "alias-shared", "--scan", "100");
            var (fromSnapshot, snapshotFinding) = await PlanFindingAsync(pair, "alias-shared", "--snapshot", snapshot);

            Assert.Equal("warning", warning["severity"]!.GetValue<string>());
            Assert.True(unscanned.ExitCode == 0, unscanned.ToString());
            Assert.Equal(1, scanned.ExitCode);
            Assert.Contains("never made preferred_username unique", finding["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("Sharing one: ace (ann, bea).", finding["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(1, fromSnapshot.ExitCode);
            Assert.Equal(finding["message"]!.GetValue<string>(), snapshotFinding["message"]!.GetValue<string>());
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Plan_ScanFindsUsernamesDifferingOnlyInCaseForACaseInsensitiveNewPool_IsBlocking()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin, oldPool: p => p["UsernameConfiguration"]!["CaseSensitive"] = true);
        await world.Admin.CreateUserAsync(pair.OldPoolId, new UserSpec("Alice", TestPools.Password));
        await world.Admin.CreateUserAsync(pair.OldPoolId, new UserSpec("alice", TestPools.Password));

        var (result, finding) = await PlanFindingAsync(pair, "username-case-collision", "--scan", "10");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Alice", finding["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_ScanFindsNoUserCarryingTheMissingAttribute_DowngradesItToAWarning()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin, newPool: p => p.Remove("Schema"));
        await world.Admin.CreateUserAsync(pair.OldPoolId, new UserSpec("ann", TestPools.Password) { Email = "ann@example.com" });

        var (result, finding) = await PlanFindingAsync(pair, "attribute-missing", "--scan", "10");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("warning", finding["severity"]!.GetValue<string>());
        Assert.Contains("None of the 1 sampled old users", finding["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_UnknownNewPool_ExitsOneWithOneClearLine()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin);

        var result = await CliRunner.RunAsync(
            "plan", "--old-pool-id", pair.OldPoolId, "--new-pool-id", "local_NoSuchPool",
            "--old-endpoint-url", world.Endpoint.ToString(), "--new-endpoint-url", world.Endpoint.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("cognito-migrate: The new pool local_NoSuchPool was not found", line, StringComparison.Ordinal);
    }

    private static async Task<(CliResult Result, JsonNode Finding)> PlanFindingAsync(PoolPair pair, string code, params string[] extra)
    {
        var result = await CliRunner.RunAsync(pair.Args("plan", [.. extra, "--output", "json"]));
        var report = JsonNode.Parse(result.Out) ?? throw new JsonException("plan printed no JSON: " + result);
        var finding = report["findings"]!.AsArray().FirstOrDefault(f => f!["code"]!.GetValue<string>() == code);
        Assert.True(finding is not null, $"No '{code}' finding in:\n{result}");
        return (result, finding!);
    }
}
