using Trigger.Aws.Cognito;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Aws.Cognito;

/// <summary>
/// The product's Cognito client on the shared cognito-local, with a fresh pool (custom attribute
/// <c>legacy_id</c>) and app client of its own, so tests in the collection never see each other's users.
/// </summary>
internal sealed class CognitoLocalClientSetup : IDisposable
{
    private readonly HttpClient _http;

    private CognitoLocalClientSetup(CognitoLocalFixture fixture, OperationCounter counter, string poolId, AppClientKeys appClient)
    {
        Fixture = fixture;
        Counter = counter;
        _http = counter.CreateClient();
        Client = LocalAwsClients.Cognito(fixture.Server.Endpoint, _http);
        PoolId = poolId;
        AppClient = appClient;
    }

    public CognitoLocalFixture Fixture { get; }

    public CognitoAdmin Admin => Fixture.Admin;

    /// <summary>The client under test, with the product's default resilience pipeline.</summary>
    public CognitoIdentityProviderClient Client { get; }

    /// <summary>The requests <see cref="Client"/> sent (the admin's own calls are not counted).</summary>
    public OperationCounter Counter { get; }

    public string PoolId { get; }

    public AppClientKeys AppClient { get; }

    public static async Task<CognitoLocalClientSetup> StartAsync(CognitoLocalFixture fixture)
    {
        var pool = await fixture.Admin.CreatePoolAsync(
            new PoolSpec("aws-" + Guid.NewGuid().ToString("N")[..8]) { Schema = [new SchemaAttributeSpec("legacy_id")] });
        var appClient = await fixture.Admin.CreateAppClientAsync(pool.Id, new AppClientSpec("trigger"));
        return new CognitoLocalClientSetup(fixture, new OperationCounter(), pool.Id, appClient);
    }

    public Task<UserView> SeedUserAsync(string username, string password, Func<UserSpec, UserSpec>? adjust = null)
    {
        var spec = new UserSpec(username, password);
        return Admin.CreateUserAsync(PoolId, adjust is null ? spec : adjust(spec));
    }

    public AdminInitiateAuthRequest SignIn(string username, string password) => new()
    {
        UserPoolId = PoolId,
        ClientId = AppClient.ClientId,
        AuthFlow = AuthFlowType.AdminUserPasswordAuth,
        AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = password },
    };

    public void Dispose() => _http.Dispose();
}
