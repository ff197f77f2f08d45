using Amazon.Runtime;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Aws.SecurityToken;
using Trigger.Testing;

namespace Trigger.UnitTests.Aws;

public sealed class AssumeRoleCredentialsTests
{
    private static readonly DateTimeOffset _start = new(2024, 5, 6, 7, 0, 0, TimeSpan.Zero);

    private static readonly AssumeRoleOptions _role = new()
    {
        RoleArn = "arn:aws:iam::123456789012:role/old-pool-reader",
        ExternalId = "migration-external-id",
    };

    [Fact]
    public async Task GetCredentialsAsync_ManyConcurrentCalls_AssumeRoleOnce()
    {
        var clock = new ManualClock(_start);
        var sts = new ScriptedRoleAssumer(clock) { Hold = new TaskCompletionSource() };
        var credentials = new AssumeRoleCredentials(_role, sts, clock);

        var calls = Enumerable.Range(0, 50).Select(_ => credentials.GetCredentialsAsync(CancellationToken.None)).ToArray();
        sts.Hold.SetResult();
        var keys = await Task.WhenAll(calls);
        var later = await credentials.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(1, sts.Calls);
        Assert.All(keys, k => Assert.Equal("ASIA1", k.AccessKey));
        Assert.Equal("ASIA1", later.AccessKey);
        Assert.Equal("token-1", later.Token);
    }

    [Fact]
    public async Task GetCredentialsAsync_BeforeRefreshPoint_ReusesSession()
    {
        var clock = new ManualClock(_start);
        var sts = new ScriptedRoleAssumer(clock);
        var credentials = new AssumeRoleCredentials(_role, sts, clock);

        await credentials.GetCredentialsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(54) + TimeSpan.FromSeconds(59));
        var keys = await credentials.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(1, sts.Calls);
        Assert.Equal("ASIA1", keys.AccessKey);
    }

    [Fact]
    public async Task GetCredentialsAsync_FiveMinutesBeforeExpiry_AssumesRoleAgain()
    {
        var clock = new ManualClock(_start);
        var sts = new ScriptedRoleAssumer(clock);
        var credentials = new AssumeRoleCredentials(_role, sts, clock);

        await credentials.GetCredentialsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(55));
        var refreshed = await credentials.GetCredentialsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(10));
        var again = await credentials.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(2, sts.Calls);
        Assert.Equal("ASIA2", refreshed.AccessKey);
        Assert.Equal("ASIA2", again.AccessKey);
        Assert.Equal(_start.AddMinutes(115).UtcDateTime, credentials.Expiration);
    }

    [Fact]
    public async Task GetCredentialsAsync_RefreshFailsWhileSessionStillGood_KeepsSessionAndWaitsBeforeAskingAgain()
    {
        var clock = new ManualClock(_start);
        var sts = new ScriptedRoleAssumer(clock);
        var credentials = new AssumeRoleCredentials(_role, sts, clock);
        await credentials.GetCredentialsAsync(CancellationToken.None);

        sts.Failing = true;
        clock.Advance(TimeSpan.FromMinutes(56));
        var kept = await credentials.GetCredentialsAsync(CancellationToken.None);
        var stillKept = await credentials.GetCredentialsAsync(CancellationToken.None);
        var callsDuringPause = sts.Calls;
        clock.Advance(TimeSpan.FromSeconds(31));
        sts.Failing = false;
        var refreshed = await credentials.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal("ASIA1", kept.AccessKey);
        Assert.Equal("ASIA1", stillKept.AccessKey);
        Assert.Equal(2, callsDuringPause);
        Assert.Equal("ASIA3", refreshed.AccessKey);
    }

    [Fact]
    public async Task GetCredentialsAsync_RefreshFailsAfterExpiry_Throws()
    {
        var clock = new ManualClock(_start);
        var sts = new ScriptedRoleAssumer(clock);
        var credentials = new AssumeRoleCredentials(_role, sts, clock);
        await credentials.GetCredentialsAsync(CancellationToken.None);

        sts.Failing = true;
        clock.Advance(TimeSpan.FromMinutes(61));

        await Assert.ThrowsAsync<AwsServiceException>(() => credentials.GetCredentialsAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("not-an-arn", null, "cognito-user-migration", 60, "RoleArn")]
    [InlineData("arn:aws:iam::123456789012:user/alice", null, "cognito-user-migration", 60, "RoleArn")]
    [InlineData("arn:aws:iam::123456789012:role/r", "x", "cognito-user-migration", 60, "ExternalId")]
    [InlineData("arn:aws:iam::123456789012:role/r", null, "has spaces", 60, "RoleSessionName")]
    [InlineData("arn:aws:iam::123456789012:role/r", null, "cognito-user-migration", 5, "Duration")]
    [InlineData("arn:aws:iam::123456789012:role/r", null, "cognito-user-migration", 24 * 60, "Duration")]
    public void Constructor_BadRole_ThrowsNamingTheSetting(string roleArn, string? externalId, string sessionName, int minutes, string setting)
    {
        var role = new AssumeRoleOptions { RoleArn = roleArn, ExternalId = externalId, RoleSessionName = sessionName, Duration = TimeSpan.FromMinutes(minutes) };

        var error = Assert.Throws<AwsConfigurationException>(() => new AssumeRoleCredentials(role, new AwsClientOptions
        {
            Region = "eu-west-1",
            EnvironmentVariables = new DictionaryEnvironment(),
        }));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoStsRegion_Throws()
    {
        Assert.Throws<AwsConfigurationException>(() => new AssumeRoleCredentials(_role, new AwsClientOptions
        {
            EnvironmentVariables = new DictionaryEnvironment(),
        }));
    }

    [Fact]
    public async Task CognitoClient_WithAssumedRole_SignsWithTheSessionKeysAndToken()
    {
        var clock = new ManualClock(_start);
        var sts = new ScriptedRoleAssumer(clock);
        var credentials = new AssumeRoleCredentials(_role, sts, clock);
        await using var server = LoopbackAwsServer.Start(request =>
        {
            var (valid, reason) = SigV4Verifier.Verify(request, "ASIA1", "secret-1", "eu-west-1", "cognito-idp", "token-1");
            return valid ? CannedResponse.Json("{}") : CannedResponse.AwsError(403, "InvalidSignatureException", reason);
        });
        using var http = new HttpClient();
        var cognito = new CognitoIdentityProviderClient(AwsTestClients.Options(server, http, time: clock, credentials: credentials));

        for (var i = 0; i < 5; i++)
        {
            await cognito.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = "p", Username = "u" });
        }

        Assert.Equal(5, server.Requests.Count);
        Assert.Equal(1, sts.Calls);
    }

    /// <summary>STS stand-in: hands out numbered one-hour sessions, or fails when told to.</summary>
    private sealed class ScriptedRoleAssumer(TimeProvider clock) : IRoleAssumer
    {
        private int _calls;

        public TaskCompletionSource? Hold { get; init; }

        public bool Failing { get; set; }

        public int Calls => Volatile.Read(ref _calls);

        public async Task<AssumedRoleSession> AssumeRoleAsync(AssumeRoleOptions role, CancellationToken cancellationToken)
        {
            var number = Interlocked.Increment(ref _calls);
            if (Hold is not null)
            {
                await Hold.Task;
            }

            if (Failing)
            {
                throw new AwsServiceException("STS is down", "ServiceUnavailable", System.Net.HttpStatusCode.ServiceUnavailable, null);
            }

            Assert.Equal("migration-external-id", role.ExternalId);
            return new AssumedRoleSession(
                new ImmutableCredentials($"ASIA{number}", $"secret-{number}", $"token-{number}"),
                clock.GetUtcNow() + role.Duration);
        }
    }
}
