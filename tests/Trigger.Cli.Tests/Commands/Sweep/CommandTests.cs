using System.Text.Json.Nodes;
using Trigger.Cli.Tests.Commands.Sweep.Support;
using Trigger.Cli.Tests.Support;

namespace Trigger.Cli.Tests.Commands.Sweep;

/// <summary>
/// export and sweep through the real root command (<c>cognito-migrate export|sweep</c>): the shared pool,
/// profile and output options reach the engines; bad command lines are usage errors naming the option.
/// </summary>
public sealed class CommandTests
{
    [Fact]
    public async Task Sweep_CommandLine_SweepsWithTheGivenOptions()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(3);
        var endpoint = pools.Fake.Endpoint.ToString();

        var result = await CliRunner.RunAsync(
            "sweep", "--old-pool-id", pools.OldPoolId, "--old-endpoint-url", endpoint, "--new-pool-id", pools.NewPoolId, "--new-endpoint-url", endpoint,
            "--yes", "--work-dir", pools.WorkDirectory, "--rate", "500", "--read-rate", "500", "--password-rate", "500", "--list-rate", "30", "--output", "json",
            "--attribute-renames", "custom:tier=custom:tenant", "--legacy-sub-attribute", "custom:legacy_sub");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, JsonNode.Parse(result.Out)!["counts"]!["created"]!.GetValue<long>());
        Assert.NotNull((await pools.NewUserOrNullAsync("user0001"))!["custom:legacy_sub"]);
    }

    [Fact]
    public async Task Sweep_WithProfile_SignsEveryCallWithTheProfilesCredentials()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(2);
        var endpoint = pools.Fake.Endpoint.ToString();
        var directory = Directory.CreateTempSubdirectory("cli-sweep-profile-");
        var credentials = Path.Combine(directory.FullName, "credentials");
        await File.WriteAllTextAsync(credentials, "[ops]\naws_access_key_id = AKIDSWEEP\naws_secret_access_key = sweep-profile-secret\n");
        pools.Fake.ClearCalls();
        try
        {
            var result = await new CliRunner { Credentials = null, ProfilesLocation = credentials }.RunWithAsync(
                "sweep", "--old-pool-id", pools.OldPoolId, "--old-endpoint-url", endpoint, "--new-pool-id", pools.NewPoolId, "--new-endpoint-url", endpoint,
                "--yes", "--work-dir", pools.WorkDirectory, "--rate", "500", "--read-rate", "500", "--password-rate", "500", "--profile", "ops");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(2, pools.Fake.CallsTo("AdminCreateUser").Count);
            Assert.All(pools.Fake.Calls, c => Assert.True(c.HadAuthorization, c.Operation));
            Assert.DoesNotContain("sweep-profile-secret", result.All, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--attribute-renames", "nonsense", "--attribute-renames")]
    [InlineData("--attribute-renames", "custom:checked=email_verified", "--attribute-renames")]
    [InlineData("--attribute-renames", "custom:a=custom:b,custom:b=custom:c", "--attribute-renames")]
    [InlineData("--new-custom-attributes", "tenant", "--new-custom-attributes")]
    [InlineData("--new-endpoint-url", "not a url", "--new-endpoint-url")]
    [InlineData("--strategy", "bulk", "--strategy")]
    [InlineData("--external-id", "ext-1234", "--external-id")]
    [InlineData("--old-role-arn", "not-an-arn", "--old-role-arn")]
    [InlineData("--poll-interval", "0", "--poll-interval")]
    [InlineData("--poll-interval", "NaN", "--poll-interval")]
    public async Task Sweep_BadOptionValue_ExitTwoNamingTheOptionNothingSent(string option, string value, string named)
    {
        var result = await CliRunner.RunAsync("sweep", "--old-pool-id", "us-east-1_Old", "--new-pool-id", "us-east-1_New", "--new-endpoint-url", "http://127.0.0.1:9/", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sweep_NoneOrBothSources_ExitTwoAskingForExactlyOne(bool both)
    {
        string[] sources = both ? ["--old-pool-id", "us-east-1_Old", "--snapshot", "old.jsonl"] : [];
        var result = await CliRunner.RunAsync(["sweep", "--new-pool-id", "us-east-1_New", .. sources]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("exactly one source", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_CommandLine_WritesTheSnapshot()
    {
        await using var pools = await FakePools.StartAsync();
        await pools.SeedManyOldAsync(2);
        var file = Path.Combine(pools.Scratch.FullName, "old.jsonl");

        var result = await CliRunner.RunAsync(
            "export", "--old-pool-id", pools.OldPoolId, "--old-endpoint-url", pools.Fake.Endpoint.ToString(), "--file", file, "--rate", "30", "--output", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, JsonNode.Parse(result.Out)!["users"]!.GetValue<long>());
        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task Export_UnknownPool_ExitOneNamingThePoolNoFileWritten()
    {
        await using var pools = await FakePools.StartAsync();
        var file = Path.Combine(pools.Scratch.FullName, "old.jsonl");

        var result = await CliRunner.RunAsync("export", "--old-pool-id", "us-east-1_Missing", "--old-endpoint-url", pools.Fake.Endpoint.ToString(), "--file", file);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("us-east-1_Missing", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(pools.Scratch.FullName, "old.jsonl*"));
    }

    [Fact]
    public async Task Export_NoFile_ExitTwoNamingTheOption()
    {
        var result = await CliRunner.RunAsync("export", "--old-pool-id", "us-east-1_Old");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--file", result.Error, StringComparison.Ordinal);
    }
}
