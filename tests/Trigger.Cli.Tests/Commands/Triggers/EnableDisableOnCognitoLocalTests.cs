using System.Text.Json.Nodes;
using Trigger.Cli.Tests.Support;
using Trigger.Testing;

namespace Trigger.Cli.Tests.Commands.Triggers;

/// <summary><c>enable</c>/<c>disable</c> against a live cognito-local: every other setting survives byte for byte.</summary>
[Slow]
[Collection(CognitoLocalCollection.Name)]
public sealed class EnableDisableOnCognitoLocalTests(CognitoLocalFixture world)
{
    private const string OtherTrigger = "arn:aws:lambda:us-east-1:123456789012:function:welcome-mail";

    [Fact]
    public async Task EnableThenDisable_PoolWithManySettings_LeavesEveryOtherSettingByteForByte()
    {
        var poolId = await TestPools.CreatePoolAsync(world.Admin, RichPool(legacyValidity: true));
        var before = await DescribeAsync(poolId);

        var enabled = await CliRunner.RunAsync(Args("enable", poolId, "--function-arn", TestPools.FunctionArn, "--pre-sign-up"));
        var during = await world.Admin.DescribeUserPoolAsync(poolId);
        var disabled = await CliRunner.RunAsync(Args("disable", poolId, "--pre-sign-up"));
        var after = await DescribeAsync(poolId);

        Assert.True(enabled.ExitCode == 0, enabled.ToString());
        Assert.True(disabled.ExitCode == 0, disabled.ToString());
        Assert.Equal(TestPools.FunctionArn, during["LambdaConfig"]!["UserMigration"]!.GetValue<string>());
        Assert.Equal(TestPools.FunctionArn, during["LambdaConfig"]!["PreSignUp"]!.GetValue<string>());
        Assert.Equal(OtherTrigger, during["LambdaConfig"]!["PostConfirmation"]!.GetValue<string>());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task EnableThenDisable_PoolWithBothValidityDays_DiffersOnlyByTheSupersededLegacyValue()
    {
        // Cognito refuses UnusedAccountValidityDays next to TemporaryPasswordValidityDays and resets it to
        // its default (7); cognito-local drops it instead. Nothing else may change.
        var poolId = await TestPools.CreatePoolAsync(world.Admin, RichPool(legacyValidity: false));
        var before = await world.Admin.DescribeUserPoolAsync(poolId);

        var enabled = await CliRunner.RunAsync(Args("enable", poolId, "--function-arn", TestPools.FunctionArn));
        var disabled = await CliRunner.RunAsync(Args("disable", poolId));
        var after = await world.Admin.DescribeUserPoolAsync(poolId);

        Assert.True(enabled.ExitCode == 0, enabled.ToString());
        Assert.True(disabled.ExitCode == 0, disabled.ToString());
        Assert.Contains("Left out: AdminCreateUserConfig.UnusedAccountValidityDays", enabled.Out, StringComparison.Ordinal);
        Assert.Equal(7, before["AdminCreateUserConfig"]!["UnusedAccountValidityDays"]!.GetValue<int>());
        before["AdminCreateUserConfig"]!.AsObject().Remove("UnusedAccountValidityDays");
        before.Remove("LastModifiedDate");
        after.Remove("LastModifiedDate");
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task Enable_DryRun_ChangesNothingAndPrintsTheDifference()
    {
        var poolId = await TestPools.CreatePoolAsync(world.Admin, RichPool(legacyValidity: true));
        var before = (await world.Admin.DescribeUserPoolAsync(poolId)).ToJsonString();

        var result = await CliRunner.RunAsync(Args("enable", poolId, "--function-arn", TestPools.FunctionArn, "--dry-run"));
        var after = (await world.Admin.DescribeUserPoolAsync(poolId)).ToJsonString();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(before, after);
        Assert.Contains("LambdaConfig.UserMigration", result.Out, StringComparison.Ordinal);
        Assert.Contains("not set", result.Out, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was changed.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enable_TheCommandTheCdkStackPrints_AttachesBothTriggers()
    {
        var poolId = await TestPools.CreatePoolAsync(world.Admin, TestPools.Request("cdk-existing"));

        // The exact shape MigrationStack.EnableCommandFor prints, plus the emulator endpoint.
        var result = await CliRunner.RunAsync(
            "enable", "--new-pool-id", poolId, "--function-arn", TestPools.FunctionArn, "--pre-sign-up", "--new-endpoint-url", world.Endpoint.ToString());
        var pool = await world.Admin.DescribeUserPoolAsync(poolId);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(TestPools.FunctionArn, pool["LambdaConfig"]!["UserMigration"]!.GetValue<string>());
        Assert.Equal(TestPools.FunctionArn, pool["LambdaConfig"]!["PreSignUp"]!.GetValue<string>());
        Assert.Contains("Done: DescribeUserPool shows the change above", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enable_UnknownPool_ExitsOneWithOneClearLine()
    {
        var result = await CliRunner.RunAsync(Args("enable", "local_Missing1", "--function-arn", TestPools.FunctionArn));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The new pool local_Missing1 was not found", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private string[] Args(string command, string poolId, params string[] extra) =>
        [command, "--new-pool-id", poolId, "--new-endpoint-url", world.Endpoint.ToString(), .. extra];

    private async Task<string> DescribeAsync(string poolId)
    {
        var pool = await world.Admin.DescribeUserPoolAsync(poolId);
        pool.Remove("LastModifiedDate");
        return pool.ToJsonString();
    }

    // Settings of every kind UpdateUserPool takes, and another function's trigger that must survive.
    private static JsonObject RichPool(bool legacyValidity)
    {
        var pool = TestPools.Request("rich");
        pool["AliasAttributes"] = new JsonArray("email", "preferred_username");
        pool["AutoVerifiedAttributes"] = new JsonArray("email");
        pool["MfaConfiguration"] = "OPTIONAL";
        pool["Policies"]!["PasswordPolicy"]!["MinimumLength"] = 10;
        pool["Policies"]!["PasswordPolicy"]!["RequireSymbols"] = false;
        // An older pool's shape: the legacy UnusedAccountValidityDays and no TemporaryPasswordValidityDays.
        pool["Policies"]!["PasswordPolicy"]!["TemporaryPasswordValidityDays"] = legacyValidity ? null : 3;
        pool["LambdaConfig"] = new JsonObject { ["PostConfirmation"] = OtherTrigger, ["CustomMessage"] = OtherTrigger };
        pool["SmsAuthenticationMessage"] = "Your code is {####}";
        pool["SmsVerificationMessage"] = "Verify with {####}";
        pool["EmailVerificationMessage"] = "Your code: {####}";
        pool["EmailVerificationSubject"] = "Verify your email";
        pool["VerificationMessageTemplate"] = new JsonObject
        {
            ["DefaultEmailOption"] = "CONFIRM_WITH_CODE",
            ["EmailMessage"] = "Your code: {####}",
            ["EmailSubject"] = "Verify your email",
            ["SmsMessage"] = "Verify with {####}",
        };
        pool["DeviceConfiguration"] = new JsonObject { ["ChallengeRequiredOnNewDevice"] = true, ["DeviceOnlyRememberedOnUserPrompt"] = true };
        pool["EmailConfiguration"] = new JsonObject { ["EmailSendingAccount"] = "COGNITO_DEFAULT", ["ReplyToEmailAddress"] = "ops@example.com" };
        pool["SmsConfiguration"] = new JsonObject { ["SnsCallerArn"] = "arn:aws:iam::123456789012:role/cognito-sms", ["ExternalId"] = "sms-ext", ["SnsRegion"] = "us-east-1" };
        pool["UserPoolTags"] = new JsonObject { ["team"] = "identity", ["cost-center"] = "42" };
        pool["AdminCreateUserConfig"] = new JsonObject
        {
            ["AllowAdminCreateUserOnly"] = true,
            ["UnusedAccountValidityDays"] = 7,
            ["InviteMessageTemplate"] = new JsonObject
            {
                ["EmailMessage"] = "Hello {username}, your code is {####}",
                ["EmailSubject"] = "Welcome",
                ["SMSMessage"] = "Hello {username}: {####}",
            },
        };
        pool["UserPoolAddOns"] = new JsonObject { ["AdvancedSecurityMode"] = "AUDIT" };
        pool["AccountRecoverySetting"] = new JsonObject
        {
            ["RecoveryMechanisms"] = new JsonArray(
                new JsonObject { ["Priority"] = 1, ["Name"] = "verified_email" },
                new JsonObject { ["Priority"] = 2, ["Name"] = "verified_phone_number" }),
        };
        return pool;
    }
}
