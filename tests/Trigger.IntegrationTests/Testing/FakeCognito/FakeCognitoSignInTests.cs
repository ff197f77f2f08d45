using System.Text.Json.Nodes;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Testing.FakeCognito;

public sealed class FakeCognitoSignInTests
{
    private const string Password = FakeCognitoSetup.Password;

    private static async Task<CognitoApiException> SignInFailsAsync(FakeCognitoSetup setup, AppClientKeys client, string username, string password) =>
        await Assert.ThrowsAsync<CognitoApiException>(() => setup.Admin.AdminInitiateAuthAsync(setup.PoolId, client, username, password));

    [Fact]
    public async Task AdminInitiateAuth_ConfirmedUserRightPassword_ReturnsTokens()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = await setup.CreateClientAsync();
        await setup.CreateUserAsync("ada");

        var answer = await setup.Admin.AdminInitiateAuthAsync(setup.PoolId, client, "ada", Password);

        Assert.Null(answer["ChallengeName"]);
        Assert.Equal("Bearer", answer["AuthenticationResult"]!["TokenType"]!.GetValue<string>());
    }

    [Fact]
    public async Task AdminInitiateAuth_WrongPassword_AnswersNotAuthorized()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = await setup.CreateClientAsync();
        await setup.CreateUserAsync("ada");

        var error = await SignInFailsAsync(setup, client, "ada", "Wrong-Horse-9");

        Assert.Equal(("NotAuthorizedException", "Incorrect username or password."), (error.ErrorType, error.ServiceMessage));
    }

    [Fact]
    public async Task AdminInitiateAuth_DisabledUser_AnswersUserIsDisabled()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = await setup.CreateClientAsync();
        await setup.CreateUserAsync("off", s => s with { Enabled = false });

        var error = await SignInFailsAsync(setup, client, "off", Password);

        Assert.Equal(("NotAuthorizedException", "User is disabled."), (error.ErrorType, error.ServiceMessage));
    }

    [Fact]
    public async Task AdminInitiateAuth_UnknownUser_AnswersUserNotFound()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = await setup.CreateClientAsync();

        var error = await SignInFailsAsync(setup, client, "nobody", Password);

        Assert.Equal("UserNotFoundException", error.ErrorType);
    }

    [Fact]
    public async Task AdminInitiateAuth_UnknownUserWithPreventUserExistenceErrors_AnswersNotAuthorized()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = await setup.Admin.CreateAppClientAsync(setup.PoolId, new AppClientSpec("trigger") { PreventUserExistenceErrors = "ENABLED" });

        var error = await SignInFailsAsync(setup, client, "nobody", Password);

        Assert.Equal(("NotAuthorizedException", "Incorrect username or password."), (error.ErrorType, error.ServiceMessage));
    }

    [Fact]
    public async Task AdminInitiateAuth_TemporaryPassword_AnswersNewPasswordRequiredChallenge()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = await setup.CreateClientAsync();
        await setup.CreateUserAsync("temp", s => s with { Status = SeededUserStatus.ForceChangePassword });

        var answer = await setup.Admin.AdminInitiateAuthAsync(setup.PoolId, client, "temp", Password);

        Assert.Equal("NEW_PASSWORD_REQUIRED", answer["ChallengeName"]!.GetValue<string>());
        Assert.Null(answer["AuthenticationResult"]);
    }

    [Fact]
    public async Task AdminInitiateAuth_ResetRequiredUser_AnswersPasswordResetRequired()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = await setup.CreateClientAsync();
        await setup.CreateUserAsync("reset", s => s with { Status = SeededUserStatus.ResetRequired });

        var error = await SignInFailsAsync(setup, client, "reset", Password);

        Assert.Equal("PasswordResetRequiredException", error.ErrorType);
    }

    [Fact]
    public async Task AdminInitiateAuth_UnconfirmedUser_AnswersUserNotConfirmed()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = await setup.CreateClientAsync();
        await setup.CreateUserAsync("pending");
        setup.Fake.SetUserStatus(setup.PoolId, "pending", "UNCONFIRMED");

        var error = await SignInFailsAsync(setup, client, "pending", Password);

        Assert.Equal("UserNotConfirmedException", error.ErrorType);
    }

    [Theory]
    [InlineData("SMS_MFA")]
    [InlineData("SOFTWARE_TOKEN_MFA")]
    public async Task AdminInitiateAuth_UserWithMfa_AnswersThatChallengeAfterTheRightPassword(string challenge)
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = await setup.CreateClientAsync();
        await setup.CreateUserAsync("mfa", s => s with { PhoneNumber = "+15555550123" });
        setup.Fake.SetSignInChallenge(setup.PoolId, "mfa", challenge);

        var answer = await setup.Admin.AdminInitiateAuthAsync(setup.PoolId, client, "mfa", Password);

        Assert.Equal(challenge, answer["ChallengeName"]!.GetValue<string>());
        Assert.Null(answer["AuthenticationResult"]);
    }

    [Fact]
    public async Task AdminInitiateAuth_RightSecretHash_ReturnsTokens()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = await setup.CreateClientAsync(withSecret: true);
        await setup.CreateUserAsync("ada");

        var answer = await setup.Admin.AdminInitiateAuthAsync(setup.PoolId, client, "ada", Password);

        Assert.NotNull(answer["AuthenticationResult"]);
    }

    [Fact]
    public async Task AdminInitiateAuth_WrongSecretHash_AnswersNotAuthorized()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = await setup.CreateClientAsync(withSecret: true);
        await setup.CreateUserAsync("ada");

        var error = await SignInFailsAsync(setup, client with { ClientSecret = "not-the-secret" }, "ada", Password);

        Assert.Equal("NotAuthorizedException", error.ErrorType);
        Assert.Contains("secret hash", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminInitiateAuth_MissingSecretHashForClientWithSecret_AnswersNotAuthorized()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = await setup.CreateClientAsync(withSecret: true);
        await setup.CreateUserAsync("ada");

        var error = await SignInFailsAsync(setup, client with { ClientSecret = null }, "ada", Password);

        Assert.Equal("NotAuthorizedException", error.ErrorType);
    }

    [Fact]
    public async Task AdminInitiateAuth_ClientWithoutAdminPasswordFlow_AnswersInvalidParameter()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = await setup.Admin.CreateAppClientAsync(setup.PoolId, new AppClientSpec("srp-only") { ExplicitAuthFlows = ["ALLOW_USER_SRP_AUTH"] });
        await setup.CreateUserAsync("ada");

        var error = await SignInFailsAsync(setup, client, "ada", Password);

        Assert.Equal("InvalidParameterException", error.ErrorType);
    }

    [Fact]
    public async Task AdminInitiateAuth_VerifiedEmailAlias_SignsInTheOwner()
    {
        await using var setup = await FakeCognitoSetup.StartAsync(pool: new PoolSpec("aliased") { AliasAttributes = ["email", "preferred_username"] });
        var client = await setup.CreateClientAsync();
        await setup.CreateUserAsync("ada", s => s with { Email = "ada@example.test" });

        var answer = await setup.Admin.AdminInitiateAuthAsync(setup.PoolId, client, "ada@example.test", Password);

        Assert.NotNull(answer["AuthenticationResult"]);
    }

    [Fact]
    public async Task AdminInitiateAuth_UnverifiedEmailAlias_AnswersUserNotFound()
    {
        await using var setup = await FakeCognitoSetup.StartAsync(pool: new PoolSpec("aliased") { AliasAttributes = ["email"] });
        var client = await setup.CreateClientAsync();
        await setup.CreateUserAsync("ada", s => s with { Email = "ada@example.test", EmailVerified = false });

        var error = await SignInFailsAsync(setup, client, "ada@example.test", Password);

        Assert.Equal("UserNotFoundException", error.ErrorType);
    }

    [Fact]
    public async Task AdminInitiateAuth_SixthAttemptAfterFiveWrongPasswords_AnswersPasswordAttemptsExceededUntilLockoutEnds()
    {
        var clock = new ManualClock();
        await using var setup = await FakeCognitoSetup.StartAsync(new FakeCognitoOptions { TimeProvider = clock });
        var client = await setup.CreateClientAsync();
        await setup.CreateUserAsync("ada");
        for (var i = 0; i < 5; i++)
        {
            await SignInFailsAsync(setup, client, "ada", "Wrong-Horse-9");
        }

        var locked = await SignInFailsAsync(setup, client, "ada", Password);
        clock.Advance(TimeSpan.FromSeconds(2));
        var afterLockout = await setup.Admin.AdminInitiateAuthAsync(setup.PoolId, client, "ada", Password);

        Assert.Equal(("NotAuthorizedException", "Password attempts exceeded"), (locked.ErrorType, locked.ServiceMessage));
        Assert.NotNull(afterLockout["AuthenticationResult"]);
    }

    [Fact]
    public async Task AdminInitiateAuth_CaseInsensitivePool_FindsUserTypedInOtherCase()
    {
        await using var setup = await FakeCognitoSetup.StartAsync(pool: new PoolSpec("ci") { UsernameCaseSensitive = false });
        var client = await setup.CreateClientAsync();
        await setup.CreateUserAsync("Ada");

        var answer = await setup.Admin.AdminInitiateAuthAsync(setup.PoolId, client, "ADA", Password);

        Assert.NotNull(answer["AuthenticationResult"]);
    }

    [Fact]
    public async Task AdminInitiateAuth_UnsupportedFlow_AnswersInvalidParameter()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = await setup.CreateClientAsync();

        var error = await Assert.ThrowsAsync<CognitoApiException>(() => setup.Admin.SendAsync("AdminInitiateAuth", new JsonObject
        {
            ["UserPoolId"] = setup.PoolId,
            ["ClientId"] = client.ClientId,
            ["AuthFlow"] = "REFRESH_TOKEN_AUTH",
            ["AuthParameters"] = new JsonObject { ["REFRESH_TOKEN"] = "x" },
        }));

        Assert.Equal("InvalidParameterException", error.ErrorType);
    }
}
