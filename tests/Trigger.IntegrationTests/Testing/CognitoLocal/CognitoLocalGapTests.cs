using System.Net;
using System.Text.Json.Nodes;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Testing.CognitoLocal;

/// <summary>
/// Pins what cognito-local 5.3.0 does differently from Cognito (see
/// tests/Trigger.Testing/CognitoLocal/EMULATOR-NOTES.md). A failure here means the emulator changed:
/// update the notes and whatever test support relies on the gap.
/// </summary>
[Slow]
[Collection(CognitoLocalCollection.Name)]
public sealed class CognitoLocalGapTests(CognitoLocalFixture fixture)
{
    private const string Password = "Correct-Horse-9";

    private CognitoAdmin Admin => fixture.Admin;

    private async Task<(string Pool, AppClientKeys Client)> NewPoolAsync(PoolSpec? spec = null)
    {
        var pool = await Admin.CreatePoolAsync(spec ?? new PoolSpec("gaps-" + Guid.NewGuid().ToString("N")[..8]));
        var client = await Admin.CreateAppClientAsync(pool.Id, new AppClientSpec("c") { GenerateSecret = true });
        return (pool.Id, client);
    }

    [Fact]
    public async Task AdminInitiateAuth_DisabledUser_StillIssuesTokens()
    {
        var (pool, client) = await NewPoolAsync();
        await Admin.CreateUserAsync(pool, new UserSpec("off", Password) { Enabled = false });

        var answer = await Admin.AdminInitiateAuthAsync(pool, client, "off", Password);

        Assert.NotNull(answer["AuthenticationResult"]?["AccessToken"]);
    }

    [Fact]
    public async Task AdminInitiateAuth_TemporaryPassword_IssuesTokensInsteadOfNewPasswordChallenge()
    {
        var (pool, client) = await NewPoolAsync();
        await Admin.CreateUserAsync(pool, new UserSpec("temp", Password) { Status = SeededUserStatus.ForceChangePassword });

        var answer = await Admin.AdminInitiateAuthAsync(pool, client, "temp", Password);

        Assert.Null(answer["ChallengeName"]);
        Assert.NotNull(answer["AuthenticationResult"]?["AccessToken"]);
    }

    [Fact]
    public async Task AdminInitiateAuth_WrongPassword_AnswersInvalidPasswordException()
    {
        var (pool, client) = await NewPoolAsync();
        await Admin.CreateUserAsync(pool, new UserSpec("ada", Password));

        var error = await Assert.ThrowsAsync<CognitoApiException>(() => Admin.AdminInitiateAuthAsync(pool, client, "ada", "Wrong-Horse-9"));

        Assert.Equal("InvalidPasswordException", error.ErrorType);
    }

    [Fact]
    public async Task AdminInitiateAuth_UnknownUser_AnswersNotAuthorizedNotUserNotFound()
    {
        var (pool, client) = await NewPoolAsync();

        var error = await Assert.ThrowsAsync<CognitoApiException>(() => Admin.AdminInitiateAuthAsync(pool, client, "nobody", Password));

        Assert.Equal("NotAuthorizedException", error.ErrorType);
    }

    [Fact]
    public async Task AdminInitiateAuth_WrongSecretHash_StillIssuesTokens()
    {
        var (pool, client) = await NewPoolAsync();
        await Admin.CreateUserAsync(pool, new UserSpec("ada", Password));
        var wrongSecret = client with { ClientSecret = "not-the-secret" };

        var answer = await Admin.AdminInitiateAuthAsync(pool, wrongSecret, "ada", Password);

        Assert.NotNull(answer["AuthenticationResult"]?["AccessToken"]);
    }

    [Fact]
    public async Task ListUsers_EmailFilter_ReturnsOnlyTheMatch()
    {
        var (pool, _) = await NewPoolAsync();
        await Admin.CreateUserAsync(pool, new UserSpec("a", Password) { Email = "a@example.test" });
        await Admin.CreateUserAsync(pool, new UserSpec("b", Password) { Email = "b@example.test" });

        var users = await Admin.ListUsersAsync(pool, "email = \"b@example.test\"");

        Assert.Equal("b", Assert.Single(users).Username);
    }

    [Fact]
    public async Task ListUsers_LimitOne_ReturnsEveryUserWithoutToken()
    {
        var (pool, _) = await NewPoolAsync();
        await Admin.CreateUserAsync(pool, new UserSpec("a", Password));
        await Admin.CreateUserAsync(pool, new UserSpec("b", Password));

        var answer = await Admin.SendAsync("ListUsers", new JsonObject { ["UserPoolId"] = pool, ["Limit"] = 1 });

        Assert.Equal(2, answer["Users"]!.AsArray().Count);
        Assert.Null(answer["PaginationToken"]);
    }

    [Fact]
    public async Task ListUsers_StatusDisabledFilter_MatchesNobodyButFalseDoes()
    {
        var (pool, _) = await NewPoolAsync();
        await Admin.CreateUserAsync(pool, new UserSpec("off", Password) { Enabled = false });

        var disabled = await Admin.ListUsersAsync(pool, "status = \"Disabled\"");
        var falseValue = await Admin.ListUsersAsync(pool, "status = \"false\"");

        Assert.Empty(disabled);
        Assert.Equal("off", Assert.Single(falseValue).Username);
    }

    [Fact]
    public async Task AdminResetUserPassword_AnyUser_AnswersUnsupportedWith500()
    {
        var (pool, _) = await NewPoolAsync();
        await Admin.CreateUserAsync(pool, new UserSpec("ada", Password));

        var error = await Assert.ThrowsAsync<CognitoApiException>(() =>
            Admin.SendAsync("AdminResetUserPassword", new JsonObject { ["UserPoolId"] = pool, ["Username"] = "ada" }));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        // __type is "CognitoLocal#Unsupported"; the namespace prefix is dropped like any error type's.
        Assert.Equal("Unsupported", error.ErrorType);
        Assert.Contains("unsupported feature", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminGetUser_ByVerifiedEmailAlias_AnswersUserNotFound()
    {
        var (pool, _) = await NewPoolAsync(new PoolSpec("alias-" + Guid.NewGuid().ToString("N")[..8]) { AliasAttributes = ["email"] });
        await Admin.CreateUserAsync(pool, new UserSpec("ada", Password) { Email = "ada@example.test" });

        var error = await Assert.ThrowsAsync<CognitoApiException>(() => Admin.GetUserAsync(pool, "ada@example.test"));

        Assert.Equal("UserNotFoundException", error.ErrorType);
    }

    [Fact]
    public async Task AdminCreateUser_AttributeMissingFromSchema_IsAccepted()
    {
        var (pool, _) = await NewPoolAsync();

        var user = await Admin.CreateUserAsync(pool, new UserSpec("ada", Password)
        {
            Attributes = new Dictionary<string, string> { ["custom:not_in_schema"] = "x" },
        });

        Assert.Equal("x", user["custom:not_in_schema"]);
    }

    [Fact]
    public async Task AdminSetUserPassword_PasswordBreakingPolicy_IsAccepted()
    {
        var (pool, client) = await NewPoolAsync();

        await Admin.CreateUserAsync(pool, new UserSpec("ada", "weak"));

        var answer = await Admin.AdminInitiateAuthAsync(pool, client, "ada", "weak");
        Assert.NotNull(answer["AuthenticationResult"]?["AccessToken"]);
    }

    [Fact]
    public async Task DescribeUserPool_PoolWithUsers_EstimatesZeroUsers()
    {
        var (pool, _) = await NewPoolAsync();
        await Admin.CreateUserAsync(pool, new UserSpec("ada", Password));
        await Admin.CreateUserAsync(pool, new UserSpec("bob", Password));

        var described = await Admin.DescribeUserPoolAsync(pool);

        Assert.Equal(0, described["EstimatedNumberOfUsers"]?.GetValue<int>() ?? 0);
    }

    [Fact]
    public async Task ErrorAnswer_AnyError_HasNoRequestIdHeader()
    {
        var error = await Assert.ThrowsAsync<CognitoApiException>(() => Admin.GetUserAsync("local_nopool", "x"));

        Assert.Equal("ResourceNotFoundException", error.ErrorType);
        Assert.Null(error.RequestId);
    }
}
