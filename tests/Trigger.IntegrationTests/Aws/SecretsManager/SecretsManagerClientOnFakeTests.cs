using Trigger.Aws;
using Trigger.Aws.SecretsManager;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Aws.SecretsManager;

/// <summary>The product's Secrets Manager client (the old app client's secret) against FakeCognito's seeded secrets.</summary>
public sealed class SecretsManagerClientOnFakeTests : IAsyncLifetime
{
    private const string SecretName = "migration/old-client-secret";
    private const string SecretValue = "old-client-secret-Zq81vX";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private FakeCognito? _fake;

    private FakeCognito Fake => _fake ?? throw new InvalidOperationException("The fake has not started.");

    public async Task InitializeAsync() => _fake = await FakeCognito.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }
    }

    private SecretsManagerClient Client() => LocalAwsClients.SecretsManager(Fake.Endpoint, _http, LocalAwsClients.QuickRetries());

    [Fact]
    public async Task GetSecretValueAsync_ByName_ReturnsTheValueAndPrintsItNowhere()
    {
        var arn = Fake.SeedSecret(SecretName, SecretValue);

        var secret = await Client().GetSecretValueAsync(new GetSecretValueRequest { SecretId = SecretName });

        Assert.Equal((SecretValue, SecretName, arn), (secret.SecretString, secret.Name, secret.ARN));
        Assert.Contains("AWSCURRENT", secret.VersionStages ?? []);
        Assert.NotNull(secret.CreatedDate);
        SecretAssert.Absent(secret.ToString(), SecretValue);
        Assert.True(Assert.Single(Fake.CallsTo("GetSecretValue")).HadAuthorization);
    }

    [Fact]
    public async Task GetSecretValueAsync_ByArn_ReturnsTheSameSecret()
    {
        var arn = Fake.SeedSecret(SecretName, SecretValue);

        var secret = await Client().GetSecretValueAsync(new GetSecretValueRequest { SecretId = arn });

        Assert.Equal((SecretValue, SecretName), (secret.SecretString, secret.Name));
    }

    [Fact]
    public async Task GetSecretValueAsync_UnknownSecret_ThrowsResourceNotFoundException()
    {
        Fake.SeedSecret(SecretName, SecretValue);

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            Client().GetSecretValueAsync(new GetSecretValueRequest { SecretId = "migration/nothing-here" }));

        Assert.Contains("GetSecretValue", error.Message, StringComparison.Ordinal);
        Assert.Single(Fake.CallsTo("GetSecretValue"));
    }

    [Fact]
    public async Task GetSecretValueAsync_ThrottledOnce_RetriesAndReturnsTheValue()
    {
        Fake.SeedSecret(SecretName, SecretValue);
        // Secrets Manager throttles with ThrottlingException, not Cognito's TooManyRequestsException.
        Fake.Faults.ThrottleNext("GetSecretValue");

        var secret = await Client().GetSecretValueAsync(new GetSecretValueRequest { SecretId = SecretName });

        Assert.Equal(SecretValue, secret.SecretString);
        Assert.Equal(
            [(400, "ThrottlingException"), (200, null)],
            Fake.CallsTo("GetSecretValue").Select(c => (c.StatusCode, c.ErrorType)));
    }
}
