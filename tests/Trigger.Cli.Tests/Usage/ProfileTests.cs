using Trigger.Cli.Tests.Support;

namespace Trigger.Cli.Tests.Usage;

/// <summary><c>--profile</c>: credentials and region from a named profile through AWSSDK.Core's profile store.</summary>
public sealed class ProfileTests(FakeCognitoFixture world) : IClassFixture<FakeCognitoFixture>, IDisposable
{
    private const string ProfileSecret = "profile-secret-key-do-not-print";
    private readonly string _directory = Directory.CreateTempSubdirectory("cli-profile-").FullName;

    [Fact]
    public async Task Status_WithProfile_SignsItsCallsWithTheProfilesCredentials()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin);
        world.Fake.ClearCalls();

        var result = await Runner().RunWithAsync(pair.Args("status", "--profile", "migration"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var describes = world.Fake.CallsTo("DescribeUserPool");
        Assert.NotEmpty(describes);
        Assert.All(describes, c => Assert.True(c.HadAuthorization));
        Assert.DoesNotContain(ProfileSecret, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enable_PoolIdWithoutRegion_TakesTheProfilesRegion()
    {
        var result = await Runner().RunWithAsync(
            "enable", "--new-pool-id", "local_NotThere", "--function-arn", TestPools.FunctionArn,
            "--new-endpoint-url", world.Endpoint.ToString(), "--profile", "migration");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not found in region eu-central-1", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private CliRunner Runner()
    {
        var credentials = Path.Combine(_directory, "credentials");
        File.WriteAllText(credentials, $"[migration]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = {ProfileSecret}\nregion = eu-central-1\n");
        return new CliRunner { Credentials = null, ProfilesLocation = credentials, Environment = new Dictionary<string, string>() };
    }
}
