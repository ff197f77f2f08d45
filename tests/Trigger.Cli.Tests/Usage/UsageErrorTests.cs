using Trigger.Cli.Tests.Support;

namespace Trigger.Cli.Tests.Usage;

/// <summary>Bad command lines: one clear line on stderr naming what is wrong, exit code 2, nothing sent.</summary>
public sealed class UsageErrorTests
{
    // A loopback port nothing listens on.
    private const string Nowhere = "http://127.0.0.1:9/";

    public static TheoryData<string[], string> BadCommandLines => new()
    {
        { ["plan", "--new-pool-id", "eu-west-1_New1", "--bogus"], "Unrecognized command or argument '--bogus'." },
        { ["plan", "--new-pool-id", "eu-west-1_New1"], "Option '--old-pool-id' is required." },
        { ["enable", "--function-arn", "arn:aws:lambda:eu-west-1:123456789012:function:f"], "Option '--new-pool-id' is required." },
        { ["enable", "--new-pool-id", "eu-west-1_New1"], "Option '--function-arn' is required." },
        { ["status", "--old-pool-id", "eu-west-1-Old", "--new-pool-id", "eu-west-1_New1"], "--old-pool-id 'eu-west-1-Old' is not a user pool id" },
        { ["plan", "--old-pool-id", "eu-west-1_Old1", "--new-pool-id", "eu-west-1_New1", "--output", "xml"], "--output 'xml' is not one of text, json." },
        { ["plan", "--old-pool-id", "eu-west-1_Old1", "--new-pool-id", "eu-west-1_New1", "--scan", "lots"], "--scan takes a whole number from 1 to 100000, not 'lots'." },
        { ["status", "--old-pool-id", "eu-west-1_Old1", "--new-pool-id", "eu-west-1_New1", "--pages-per-second", "100"], "--pages-per-second takes a whole number from 1 to 30, not '100'." },
        { ["plan", "--old-pool-id", "eu-west-1_Old1", "--new-pool-id", "eu-west-1_New1", "--scan", "0"], "--scan takes a whole number from 1 to 100000, not '0'." },
        { ["plan", "--old-pool-id", "eu-west-1_Old1", "--new-pool-id", "eu-west-1_New1", "--old-region", "Ireland"], "--old-region 'Ireland' is not a region name like eu-west-1." },
        { ["plan", "--old-pool-id", "eu-west-1_Old1", "--new-pool-id", "eu-west-1_New1", "--new-endpoint-url", "localhost:9229"], "--new-endpoint-url 'localhost:9229' is not an absolute http(s) URL." },
        { ["plan", "--old-pool-id", "eu-west-1_Old1", "--new-pool-id", "eu-west-1_New1", "--external-id", "abc123"], "--external-id needs --old-role-arn" },
        { ["plan", "--old-pool-id", "eu-west-1_Old1", "--new-pool-id", "eu-west-1_New1", "--old-role-arn", "admin"], "--old-role-arn 'admin' is not an IAM role ARN" },
        { ["plan", "--old-pool-id", "eu-west-1_Old1", "--new-pool-id", "eu-west-1_New1", "--attribute-renames", "custom:a"], "--attribute-renames takes old=new pairs" },
        { ["plan", "--old-pool-id", "eu-west-1_Old1", "--new-pool-id", "eu-west-1_New1", "--attribute-renames", "custom:ok=phone_number_verified"], "--attribute-renames cannot rename to or from 'phone_number_verified'" },
        { ["plan", "--old-pool-id", "eu-west-1_Old1", "--new-pool-id", "eu-west-1_New1", "--attribute-renames", "custom:a=custom:x,custom:b=custom:x"], "--attribute-renames 'custom:a' and 'custom:b' are both renamed to 'custom:x'" },
        { ["enable", "--new-pool-id", "eu-west-1_New1", "--function-arn", "my-function"], "--function-arn 'my-function' is not a Lambda function ARN" },
        { ["migrate-everything"], "Unrecognized command or argument 'migrate-everything'." },
        { [], "Required command was not provided." },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public async Task RunAsync_BadCommandLine_OneClearLineAndExitTwo(string[] args, string expected)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("cognito-migrate: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PoolIdWithoutRegionAndNoRegionAnywhere_ExitTwoNamingTheOption()
    {
        var result = await new CliRunner { Environment = new Dictionary<string, string>() }.RunWithAsync(
            "enable", "--new-pool-id", "local_Abc123", "--function-arn", "arn:aws:lambda:us-east-1:123456789012:function:f", "--new-endpoint-url", Nowhere);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pass --new-region", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownProfile_ExitTwoNamingIt()
    {
        var directory = Directory.CreateTempSubdirectory("cli-profile-").FullName;
        try
        {
            var credentials = Path.Combine(directory, "credentials");
            await File.WriteAllTextAsync(credentials, "[known]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n");

            var result = await new CliRunner { Credentials = null, ProfilesLocation = credentials }.RunWithAsync(
                "status", "--old-pool-id", "eu-west-1_Old1", "--new-pool-id", "eu-west-1_New1", "--profile", "unknown",
                "--old-endpoint-url", Nowhere, "--new-endpoint-url", Nowhere);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("--profile 'unknown' was not found", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("profile-secret", result.All, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_EndpointThatRefusesConnections_ExitOneSayingItCouldNotReachIt()
    {
        var result = await CliRunner.RunAsync(
            "enable", "--new-pool-id", "eu-west-1_New1", "--function-arn", "arn:aws:lambda:eu-west-1:123456789012:function:f", "--new-endpoint-url", Nowhere);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("cognito-migrate: Could not reach the Cognito endpoint", result.Error, StringComparison.Ordinal);
    }
}
