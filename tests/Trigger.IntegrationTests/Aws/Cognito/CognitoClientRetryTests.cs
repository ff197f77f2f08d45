using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Aws.Cognito;

/// <summary>
/// The product client's resilience over the wire, against FakeCognito's fault script: throttling and
/// 5xx are retried, NotAuthorized never is. Attempts are counted in the fake's call log, cleared
/// after the arrange step because the admin's seeding calls (AdminGetUser among them) land there too.
/// </summary>
public sealed class CognitoClientRetryTests : IDisposable
{
    private const string WrongPassword = "Wrong-Fake-6hJ!";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    private CognitoIdentityProviderClient ClientFor(FakeCognitoSetup setup, int maxRetryAttempts = 3) =>
        LocalAwsClients.Cognito(setup.Fake.Endpoint, _http, LocalAwsClients.QuickRetries(maxRetryAttempts));

    private static AdminInitiateAuthRequest SignIn(FakeCognitoSetup setup, AppClientKeys appClient, string password) => new()
    {
        UserPoolId = setup.PoolId,
        ClientId = appClient.ClientId,
        AuthFlow = AuthFlowType.AdminUserPasswordAuth,
        AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "ada", ["PASSWORD"] = password },
    };

    private static (int? Status, string? Error)[] Outcomes(IEnumerable<FakeCall> calls) =>
        [.. calls.Select(c => (c.StatusCode, c.ErrorType))];

    [Fact]
    public async Task AdminGetUserAsync_ThrottledTwice_RetriesAndSucceedsOnTheThirdCall()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("ada");
        setup.Fake.Faults.ThrottleNext("AdminGetUser", times: 2);
        setup.Fake.ClearCalls();

        var user = await ClientFor(setup).AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = setup.PoolId, Username = "ada" });

        Assert.Equal("ada", user.Username);
        Assert.Equal(
            [(400, "TooManyRequestsException"), (400, "TooManyRequestsException"), (200, null)],
            Outcomes(setup.Fake.CallsTo("AdminGetUser")));
    }

    [Fact]
    public async Task AdminGetUserAsync_ThrottledBeyondTheRetries_ThrowsTooManyRequestsAfterEveryAttempt()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("ada");
        setup.Fake.Faults.ThrottleNext("AdminGetUser", times: 10);
        setup.Fake.ClearCalls();

        var error = await Assert.ThrowsAsync<TooManyRequestsException>(() =>
            ClientFor(setup, maxRetryAttempts: 2).AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = setup.PoolId, Username = "ada" }));

        Assert.Equal(nameof(TooManyRequestsException), error.ErrorCode);
        Assert.Equal(3, setup.Fake.CallsTo("AdminGetUser").Count);
    }

    [Fact]
    public async Task AdminInitiateAuthAsync_ThrottledOnce_RetriesWithThePasswordAndReturnsTokens()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("ada");
        var appClient = await setup.CreateClientAsync();
        setup.Fake.Faults.ThrottleNext("AdminInitiateAuth");

        var answer = await ClientFor(setup).AdminInitiateAuthAsync(SignIn(setup, appClient, FakeCognitoSetup.Password));

        Assert.NotNull(answer.AuthenticationResult?.AccessToken);
        Assert.Equal([(400, "TooManyRequestsException"), (200, null)], Outcomes(setup.Fake.CallsTo("AdminInitiateAuth")));
    }

    [Fact]
    public async Task AdminInitiateAuthAsync_WrongPassword_ThrowsNotAuthorizedAfterOneCall()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("ada");
        var appClient = await setup.CreateClientAsync();

        var error = await Assert.ThrowsAsync<NotAuthorizedException>(() => ClientFor(setup).AdminInitiateAuthAsync(SignIn(setup, appClient, WrongPassword)));

        Assert.Equal(nameof(NotAuthorizedException), error.ErrorCode);
        Assert.Single(setup.Fake.CallsTo("AdminInitiateAuth"));
        SecretAssert.Absent(error, WrongPassword, FakeCognitoSetup.Password);
    }

    [Fact]
    public async Task AdminInitiateAuthAsync_NotAuthorizedThatWouldPassOnRetry_IsNotRetried()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("ada");
        var appClient = await setup.CreateClientAsync();
        // Only the first call fails: a retry would get tokens, so one call proves there was none.
        setup.Fake.Faults.RespondNext("AdminInitiateAuth", 1, "NotAuthorizedException", "Password attempts exceeded");

        var error = await Assert.ThrowsAsync<NotAuthorizedException>(() =>
            ClientFor(setup).AdminInitiateAuthAsync(SignIn(setup, appClient, FakeCognitoSetup.Password)));

        Assert.Contains("Password attempts exceeded", error.Message, StringComparison.Ordinal);
        Assert.Equal([(400, "NotAuthorizedException")], Outcomes(setup.Fake.CallsTo("AdminInitiateAuth")));
        SecretAssert.Absent(error, FakeCognitoSetup.Password);
    }

    [Fact]
    public async Task ListUsersAsync_InternalErrorOnce_RetriesAndReturnsThePage()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("ada");
        setup.Fake.Faults.FailNext("ListUsers");
        setup.Fake.ClearCalls();

        var page = await ClientFor(setup).ListUsersAsync(new ListUsersRequest { UserPoolId = setup.PoolId });

        Assert.Equal("ada", Assert.Single(page.Users ?? []).Username);
        Assert.Equal([(500, "InternalErrorException"), (200, null)], Outcomes(setup.Fake.CallsTo("ListUsers")));
    }

    [Fact]
    public async Task AdminGetUserAsync_DefaultPipeline_RetriesAThrottledCall()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("ada");
        setup.Fake.Faults.ThrottleNext("AdminGetUser");
        setup.Fake.ClearCalls();
        // No ResiliencePipeline in the options: the product's default (3 retries from 200 ms) applies.
        var client = LocalAwsClients.Cognito(setup.Fake.Endpoint, _http);

        var user = await client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = setup.PoolId, Username = "ada" });

        Assert.Equal("ada", user.Username);
        Assert.Equal(2, setup.Fake.CallsTo("AdminGetUser").Count);
    }
}
