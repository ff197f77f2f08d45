using System.Text.Json.Nodes;
using Trigger.Cli.Tests.Support;

namespace Trigger.Cli.Tests.Commands.Triggers;

/// <summary>
/// <c>enable</c>/<c>disable</c> against the fake Cognito, whose UpdateUserPool resets every setting it is
/// not given and which logs every call: refusals send no update, and surprises are caught.
/// </summary>
public sealed class EnableDisableOnFakeTests(FakeCognitoFixture world) : IClassFixture<FakeCognitoFixture>
{
    private const string OtherFunction = "arn:aws:lambda:eu-west-1:123456789012:function:someone-else";

    [Fact]
    public async Task EnableThenDisable_OnAPoolThatResetsOmittedSettings_LeavesEveryOtherSettingByteForByte()
    {
        var poolId = await CreatePoolAsync(lambdaConfig: new JsonObject { ["CustomMessage"] = OtherFunction });
        var before = await DescribeAsync(poolId);

        var enabled = await CliRunner.RunAsync(Args("enable", poolId, "--function-arn", TestPools.FunctionArn, "--pre-sign-up"));
        var disabled = await CliRunner.RunAsync(Args("disable", poolId, "--pre-sign-up", "--function-arn", TestPools.FunctionArn));
        var after = await DescribeAsync(poolId);

        Assert.True(enabled.ExitCode == 0, enabled.ToString());
        Assert.True(disabled.ExitCode == 0, disabled.ToString());
        Assert.Equal(before, after);
        Assert.Equal(2, world.Fake.CallsTo("UpdateUserPool").Count(c => c.RequestSummary.Contains(poolId, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Enable_DryRun_SendsNoUpdateAndPrintsTheExactRequest()
    {
        var poolId = await CreatePoolAsync();
        var before = (await world.Admin.DescribeUserPoolAsync(poolId)).ToJsonString();

        var result = await CliRunner.RunAsync(Args("enable", poolId, "--function-arn", TestPools.FunctionArn, "--dry-run", "--output", "json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(before, (await world.Admin.DescribeUserPoolAsync(poolId)).ToJsonString());
        Assert.DoesNotContain(world.Fake.CallsTo("UpdateUserPool"), c => c.RequestSummary.Contains(poolId, StringComparison.Ordinal));
        var report = JsonNode.Parse(result.Out)!;
        Assert.True(report["dryRun"]!.GetValue<bool>());
        Assert.False(report["applied"]!.GetValue<bool>());
        var changes = report["changes"]!.AsArray();
        Assert.Equal(
            [
                "LambdaConfig.PostAuthentication", "LambdaConfig.PreSignUp", "LambdaConfig.PreTokenGeneration",
                "LambdaConfig.PreTokenGenerationConfig.LambdaArn", "LambdaConfig.PreTokenGenerationConfig.LambdaVersion", "LambdaConfig.UserMigration",
            ],
            changes.Select(c => c!["setting"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(changes, c => Assert.Null(c!["before"]));
        Assert.Equal(TestPools.FunctionArn, report["request"]!["LambdaConfig"]!["UserMigration"]!.GetValue<string>());
        Assert.Equal("ON", report["request"]!["MfaConfiguration"]!.GetValue<string>());
        Assert.Equal(poolId, report["request"]!["UserPoolId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Enable_AnotherFunctionHoldsTheTrigger_RefusesWithoutAnUpdate()
    {
        var poolId = await CreatePoolAsync(lambdaConfig: new JsonObject { ["UserMigration"] = OtherFunction });

        var result = await CliRunner.RunAsync(Args("enable", poolId, "--function-arn", TestPools.FunctionArn));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(OtherFunction, result.Error, StringComparison.Ordinal);
        Assert.Contains("--replace", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Fake.CallsTo("UpdateUserPool"), c => c.RequestSummary.Contains(poolId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Enable_WithReplace_AttachesTheNewFunction()
    {
        var poolId = await CreatePoolAsync(lambdaConfig: new JsonObject { ["UserMigration"] = OtherFunction });

        var result = await CliRunner.RunAsync(Args("enable", poolId, "--function-arn", TestPools.FunctionArn, "--replace"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var pool = await world.Admin.DescribeUserPoolAsync(poolId);
        Assert.Equal(TestPools.FunctionArn, pool["LambdaConfig"]!["UserMigration"]!.GetValue<string>());
    }

    [Fact]
    public async Task Enable_AlreadyAttached_SaysSoAndSendsNoUpdate()
    {
        var poolId = await CreatePoolAsync(lambdaConfig: new JsonObject
        {
            ["UserMigration"] = TestPools.FunctionArn, ["PreSignUp"] = TestPools.FunctionArn, ["PostAuthentication"] = TestPools.FunctionArn,
            ["PreTokenGeneration"] = TestPools.FunctionArn,
            ["PreTokenGenerationConfig"] = new JsonObject { ["LambdaArn"] = TestPools.FunctionArn, ["LambdaVersion"] = "V1_0" },
        });

        var result = await CliRunner.RunAsync(Args("enable", poolId, "--function-arn", TestPools.FunctionArn));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("already attached", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Fake.CallsTo("UpdateUserPool"), c => c.RequestSummary.Contains(poolId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disable_AnotherFunctionThanTheOneNamed_RefusesWithoutAnUpdate()
    {
        var poolId = await CreatePoolAsync(lambdaConfig: new JsonObject { ["UserMigration"] = OtherFunction });

        var result = await CliRunner.RunAsync(Args("disable", poolId, "--function-arn", TestPools.FunctionArn));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Refusing to disable", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Fake.CallsTo("UpdateUserPool"), c => c.RequestSummary.Contains(poolId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disable_ByDefault_DetachesTheTriggerAndTheGuard()
    {
        var poolId = await CreatePoolAsync(lambdaConfig: new JsonObject { ["UserMigration"] = TestPools.FunctionArn, ["PreSignUp"] = TestPools.FunctionArn });

        var result = await CliRunner.RunAsync(Args("disable", poolId));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lambdaConfig = (await world.Admin.DescribeUserPoolAsync(poolId))["LambdaConfig"]?.AsObject() ?? [];
        Assert.False(lambdaConfig.ContainsKey("UserMigration"));
        Assert.False(lambdaConfig.ContainsKey("PreSignUp"));
    }

    [Fact]
    public async Task Disable_ByDefault_DetachesTheGroupsStepToo()
    {
        var poolId = await CreatePoolAsync(lambdaConfig: new JsonObject
        {
            ["UserMigration"] = TestPools.FunctionArn, ["PreSignUp"] = TestPools.FunctionArn, ["PostAuthentication"] = TestPools.FunctionArn,
        });

        var result = await CliRunner.RunAsync(Args("disable", poolId));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lambdaConfig = (await world.Admin.DescribeUserPoolAsync(poolId))["LambdaConfig"]?.AsObject() ?? [];
        Assert.False(lambdaConfig.ContainsKey("PostAuthentication"));
    }

    [Fact]
    public async Task Disable_PostAuthenticationHeldByAnotherFunction_LeftAttachedWithANote()
    {
        var poolId = await CreatePoolAsync(lambdaConfig: new JsonObject { ["UserMigration"] = TestPools.FunctionArn, ["PostAuthentication"] = OtherFunction });

        var result = await CliRunner.RunAsync(Args("disable", poolId));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lambdaConfig = (await world.Admin.DescribeUserPoolAsync(poolId))["LambdaConfig"]!.AsObject();
        Assert.False(lambdaConfig.ContainsKey("UserMigration"));
        Assert.Equal(OtherFunction, lambdaConfig["PostAuthentication"]!.GetValue<string>());
        Assert.Contains("it is not the groups step, and stays attached", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enable_ByDefault_AttachesPreTokenGenerationV1OnALitePoolWithTheLegacyArnToo()
    {
        var poolId = await CreatePoolAsync();

        var result = await CliRunner.RunAsync(Args("enable", poolId, "--function-arn", TestPools.FunctionArn));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lambdaConfig = (await world.Admin.DescribeUserPoolAsync(poolId))["LambdaConfig"]!.AsObject();
        Assert.Equal(TestPools.FunctionArn, lambdaConfig["PostAuthentication"]!.GetValue<string>());
        Assert.Equal(TestPools.FunctionArn, lambdaConfig["PreTokenGeneration"]!.GetValue<string>());
        Assert.Equal(TestPools.FunctionArn, lambdaConfig["PreTokenGenerationConfig"]!["LambdaArn"]!.GetValue<string>());
        Assert.Equal("V1_0", lambdaConfig["PreTokenGenerationConfig"]!["LambdaVersion"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ESSENTIALS")]
    [InlineData("PLUS")]
    public async Task Enable_PoolWhosePlanCustomisesAccessTokens_AttachesPreTokenGenerationV2(string tier)
    {
        var poolId = await CreatePoolAsync(tier: tier);

        var result = await CliRunner.RunAsync(Args("enable", poolId, "--function-arn", TestPools.FunctionArn));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lambdaConfig = (await world.Admin.DescribeUserPoolAsync(poolId))["LambdaConfig"]!.AsObject();
        Assert.Equal("V2_0", lambdaConfig["PreTokenGenerationConfig"]!["LambdaVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Enable_AppsOwnPreTokenGeneration_RefusesWithOneMessageAndNoUpdate()
    {
        var poolId = await CreatePoolAsync(lambdaConfig: new JsonObject
        {
            ["PreTokenGeneration"] = OtherFunction,
            ["PreTokenGenerationConfig"] = new JsonObject { ["LambdaArn"] = OtherFunction, ["LambdaVersion"] = "V2_0" },
        });
        var before = await DescribeAsync(poolId);

        var result = await CliRunner.RunAsync(Args("enable", poolId, "--function-arn", TestPools.FunctionArn));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"the PreTokenGeneration trigger of pool {poolId} is attached to another function ({OtherFunction})", result.Error, StringComparison.Ordinal);
        Assert.Contains("--no-groups", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await DescribeAsync(poolId));
        Assert.DoesNotContain(world.Fake.CallsTo("UpdateUserPool"), c => c.RequestSummary.Contains(poolId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Enable_NoGroups_LeavesTheAppsPreTokenGenerationAlone()
    {
        var poolId = await CreatePoolAsync(lambdaConfig: new JsonObject
        {
            ["PreTokenGeneration"] = OtherFunction,
            ["PreTokenGenerationConfig"] = new JsonObject { ["LambdaArn"] = OtherFunction, ["LambdaVersion"] = "V1_0" },
        });

        var result = await CliRunner.RunAsync(Args("enable", poolId, "--function-arn", TestPools.FunctionArn, "--no-groups"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lambdaConfig = (await world.Admin.DescribeUserPoolAsync(poolId))["LambdaConfig"]!.AsObject();
        Assert.Equal(OtherFunction, lambdaConfig["PreTokenGenerationConfig"]!["LambdaArn"]!.GetValue<string>());
        Assert.False(lambdaConfig.ContainsKey("PostAuthentication"));
    }

    [Fact]
    public async Task Disable_ByDefault_DetachesOurPreTokenGenerationAndLeavesAnotherFunctionsWithANote()
    {
        var ours = await CreatePoolAsync(lambdaConfig: new JsonObject
        {
            ["UserMigration"] = TestPools.FunctionArn,
            ["PreTokenGeneration"] = TestPools.FunctionArn,
            ["PreTokenGenerationConfig"] = new JsonObject { ["LambdaArn"] = TestPools.FunctionArn, ["LambdaVersion"] = "V1_0" },
        });
        var theirs = await CreatePoolAsync(lambdaConfig: new JsonObject
        {
            ["UserMigration"] = TestPools.FunctionArn,
            ["PreTokenGeneration"] = OtherFunction,
            ["PreTokenGenerationConfig"] = new JsonObject { ["LambdaArn"] = OtherFunction, ["LambdaVersion"] = "V1_0" },
        });

        var detached = await CliRunner.RunAsync(Args("disable", ours));
        var kept = await CliRunner.RunAsync(Args("disable", theirs));

        Assert.True(detached.ExitCode == 0, detached.ToString());
        var ourConfig = (await world.Admin.DescribeUserPoolAsync(ours))["LambdaConfig"]?.AsObject() ?? [];
        Assert.False(ourConfig.ContainsKey("PreTokenGeneration"));
        Assert.False(ourConfig.ContainsKey("PreTokenGenerationConfig"));
        Assert.True(kept.ExitCode == 0, kept.ToString());
        var theirConfig = (await world.Admin.DescribeUserPoolAsync(theirs))["LambdaConfig"]!.AsObject();
        Assert.Equal(OtherFunction, theirConfig["PreTokenGenerationConfig"]!["LambdaArn"]!.GetValue<string>());
        Assert.Contains("it is not the groups' token step, and stays attached", kept.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enable_NoGroups_LeavesTheAppsPostAuthenticationAlone()
    {
        var poolId = await CreatePoolAsync(lambdaConfig: new JsonObject { ["PostAuthentication"] = OtherFunction });

        var result = await CliRunner.RunAsync(Args("enable", poolId, "--function-arn", TestPools.FunctionArn, "--no-groups"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lambdaConfig = (await world.Admin.DescribeUserPoolAsync(poolId))["LambdaConfig"]!.AsObject();
        Assert.Equal(TestPools.FunctionArn, lambdaConfig["UserMigration"]!.GetValue<string>());
        Assert.Equal(OtherFunction, lambdaConfig["PostAuthentication"]!.GetValue<string>());
    }

    [Fact]
    public async Task Disable_PreSignUpHeldByAnotherFunction_LeftAttachedWithANote()
    {
        var poolId = await CreatePoolAsync(lambdaConfig: new JsonObject { ["UserMigration"] = TestPools.FunctionArn, ["PreSignUp"] = OtherFunction });

        var result = await CliRunner.RunAsync(Args("disable", poolId));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lambdaConfig = (await world.Admin.DescribeUserPoolAsync(poolId))["LambdaConfig"]!.AsObject();
        Assert.False(lambdaConfig.ContainsKey("UserMigration"));
        Assert.Equal(OtherFunction, lambdaConfig["PreSignUp"]!.GetValue<string>());
        Assert.Contains("stays attached", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_Twice_SecondRunLeavesTheAppsOwnPreSignUpAlone()
    {
        var poolId = await CreatePoolAsync(lambdaConfig: new JsonObject { ["UserMigration"] = TestPools.FunctionArn, ["PreSignUp"] = TestPools.FunctionArn });
        var first = await CliRunner.RunAsync(Args("disable", poolId));
        Assert.True(first.ExitCode == 0, first.ToString());
        await world.Admin.SendAsync("UpdateUserPool", new JsonObject { ["UserPoolId"] = poolId, ["LambdaConfig"] = new JsonObject { ["PreSignUp"] = OtherFunction } });
        var updates = world.Fake.CallsTo("UpdateUserPool").Count;

        var second = await CliRunner.RunAsync(Args("disable", poolId));

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(OtherFunction, (await world.Admin.DescribeUserPoolAsync(poolId))["LambdaConfig"]!["PreSignUp"]!.GetValue<string>());
        Assert.Equal(updates, world.Fake.CallsTo("UpdateUserPool").Count);
    }

    [Fact]
    public async Task Disable_GuardNamedWithAQualifiedArn_DetachedAsTheSameFunction()
    {
        var poolId = await CreatePoolAsync(lambdaConfig: new JsonObject { ["UserMigration"] = TestPools.FunctionArn, ["PreSignUp"] = TestPools.FunctionArn + ":live" });

        var result = await CliRunner.RunAsync(Args("disable", poolId));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lambdaConfig = (await world.Admin.DescribeUserPoolAsync(poolId))["LambdaConfig"]?.AsObject() ?? [];
        Assert.False(lambdaConfig.ContainsKey("PreSignUp"));
    }

    [Fact]
    public async Task Enable_ByDefault_AttachesTheGuardToo()
    {
        var poolId = await CreatePoolAsync();

        var result = await CliRunner.RunAsync(Args("enable", poolId, "--function-arn", TestPools.FunctionArn));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lambdaConfig = (await world.Admin.DescribeUserPoolAsync(poolId))["LambdaConfig"]!.AsObject();
        Assert.Equal(TestPools.FunctionArn, lambdaConfig["UserMigration"]!.GetValue<string>());
        Assert.Equal(TestPools.FunctionArn, lambdaConfig["PreSignUp"]!.GetValue<string>());
        Assert.Equal(TestPools.FunctionArn, lambdaConfig["PostAuthentication"]!.GetValue<string>());
        Assert.DoesNotContain("WARNING", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enable_NoPreSignUp_AttachesTheTriggerAloneWithAWarning()
    {
        var poolId = await CreatePoolAsync();

        var result = await CliRunner.RunAsync(Args("enable", poolId, "--function-arn", TestPools.FunctionArn, "--no-pre-sign-up"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lambdaConfig = (await world.Admin.DescribeUserPoolAsync(poolId))["LambdaConfig"]!.AsObject();
        Assert.Equal(TestPools.FunctionArn, lambdaConfig["UserMigration"]!.GetValue<string>());
        Assert.False(lambdaConfig.ContainsKey("PreSignUp"));
        Assert.Contains("WARNING: --no-pre-sign-up", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("enable")]
    [InlineData("disable")]
    public async Task Switch_PoolChangedBetweenTheReadAndTheUpdate_RefusesWithoutAnUpdate(string command)
    {
        var poolId = await CreatePoolAsync(lambdaConfig: command == "disable" ? new JsonObject { ["UserMigration"] = TestPools.FunctionArn } : null);
        var describes = 0;
        using var rewriter = new AnswerRewriter((operation, answer) =>
        {
            if (operation != "DescribeUserPool" || Interlocked.Increment(ref describes) < 2)
            {
                return false;
            }

            // Someone else turned MFA off after the tool's first read.
            answer["UserPool"]!["MfaConfiguration"] = "OFF";
            return true;
        });
        using var http = new HttpClient(rewriter);

        var result = await new CliRunner { HttpClient = http }.RunWithAsync(Args(command, poolId, "--function-arn", TestPools.FunctionArn));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("changed since it was read", result.Error, StringComparison.Ordinal);
        Assert.Contains("MfaConfiguration (ON -> OFF)", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, rewriter.Updates);
    }

    [Fact]
    public async Task Enable_PoolReportsASettingTheToolDoesNotKnow_RefusesWithoutAnUpdate()
    {
        var poolId = await CreatePoolAsync();
        using var rewriter = new AnswerRewriter((operation, answer) =>
        {
            if (operation != "DescribeUserPool")
            {
                return false;
            }

            answer["UserPool"]!["PasskeySettingsFromTheFuture"] = new JsonObject { ["Enabled"] = true };
            return true;
        });
        using var http = new HttpClient(rewriter);

        var result = await new CliRunner { HttpClient = http }.RunWithAsync(Args("enable", poolId, "--function-arn", TestPools.FunctionArn));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PasskeySettingsFromTheFuture", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, rewriter.Updates);
    }

    [Fact]
    public async Task Enable_PoolChangesMoreThanTheTrigger_ReportsWhatChangedAndExitsOne()
    {
        var poolId = await CreatePoolAsync();
        AnswerRewriter? rewriter = null;
        rewriter = new AnswerRewriter((operation, answer) =>
        {
            if (operation != "DescribeUserPool" || rewriter!.Updates == 0)
            {
                return false;
            }

            // Someone else turned MFA off at the same moment.
            answer["UserPool"]!["MfaConfiguration"] = "OFF";
            return true;
        });
        using var http = new HttpClient(rewriter);

        var result = await new CliRunner { HttpClient = http }.RunWithAsync(Args("enable", poolId, "--function-arn", TestPools.FunctionArn));
        rewriter.Dispose();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MfaConfiguration (ON -> OFF)", result.Error, StringComparison.Ordinal);
    }

    private string[] Args(string command, string poolId, params string[] extra) =>
        [command, "--new-pool-id", poolId, "--new-endpoint-url", world.Endpoint.ToString(), .. extra];

    private async Task<string> CreatePoolAsync(JsonObject? lambdaConfig = null, string? tier = null)
    {
        var request = TestPools.Request("fake-pool");
        request["MfaConfiguration"] = "ON";
        request["AutoVerifiedAttributes"] = new JsonArray("email");
        request["UserPoolTags"] = new JsonObject { ["team"] = "identity" };
        request["AdminCreateUserConfig"] = new JsonObject { ["AllowAdminCreateUserOnly"] = true };
        request["DeviceConfiguration"] = new JsonObject { ["ChallengeRequiredOnNewDevice"] = true };
        request["UserPoolAddOns"] = new JsonObject { ["AdvancedSecurityMode"] = "ENFORCED" };
        request["DeletionProtection"] = "ACTIVE";
        if (lambdaConfig is not null)
        {
            request["LambdaConfig"] = lambdaConfig;
        }

        if (tier is not null)
        {
            request["UserPoolTier"] = tier;
        }

        return await TestPools.CreatePoolAsync(world.Admin, request);
    }

    private async Task<string> DescribeAsync(string poolId)
    {
        var pool = await world.Admin.DescribeUserPoolAsync(poolId);
        pool.Remove("LastModifiedDate");
        return pool.ToJsonString();
    }
}
