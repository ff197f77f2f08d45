using System.Net;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Aws.Cognito;

/// <summary>AdminInitiateAuth (ADMIN_USER_PASSWORD_AUTH) of the product client against cognito-local.</summary>
[Slow]
[Collection(CognitoLocalCollection.Name)]
public sealed class CognitoClientSignInOnCognitoLocalTests(CognitoLocalFixture fixture)
{
    private const string Password = "Signin-Local-7qT!";
    private const string WrongPassword = "Wrong-Local-3vX!";

    [Fact]
    public async Task AdminInitiateAuthAsync_RightPassword_ReturnsTokensAndPrintsNoSecret()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);
        await setup.SeedUserAsync("ada", Password);
        var request = setup.SignIn("ada", Password);

        var answer = await setup.Client.AdminInitiateAuthAsync(request);

        Assert.Null(answer.ChallengeName);
        var tokens = Assert.IsType<AuthenticationResultType>(answer.AuthenticationResult);
        Assert.All(new[] { tokens.AccessToken, tokens.IdToken, tokens.RefreshToken }, token => Assert.False(string.IsNullOrEmpty(token)));
        SecretAssert.Absent(request.ToString(), Password);
        SecretAssert.Absent(answer.ToString(), tokens.AccessToken!, tokens.IdToken!, tokens.RefreshToken!);
        Assert.Equal(1, setup.Counter["AdminInitiateAuth"]);
    }

    // Emulator gap: real Cognito answers a wrong password with NotAuthorizedException
    // ("Incorrect username or password."); cognito-local 5.3.0 answers InvalidPasswordException
    // (EMULATOR-NOTES.md). The NotAuthorized path is covered against FakeCognito in CognitoClientRetryTests.
    [Fact]
    public async Task AdminInitiateAuthAsync_WrongPassword_ThrowsInvalidPasswordExceptionOnceWithoutPasswords()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);
        await setup.SeedUserAsync("ada", Password);

        var error = await Assert.ThrowsAsync<InvalidPasswordException>(() => setup.Client.AdminInitiateAuthAsync(setup.SignIn("ada", WrongPassword)));

        Assert.Equal((nameof(InvalidPasswordException), HttpStatusCode.BadRequest), (error.ErrorCode, error.StatusCode));
        Assert.Contains("AdminInitiateAuth", error.Message, StringComparison.Ordinal);
        SecretAssert.Absent(error, WrongPassword, Password);
        SecretAssert.Absent(fixture.Server.Output, WrongPassword, Password);
        // A 400 is never retried: each retry of a wrong password would be another failed attempt.
        Assert.Equal(1, setup.Counter["AdminInitiateAuth"]);
    }

    // Emulator gap: real Cognito answers UserNotFoundException (or NotAuthorized with
    // PreventUserExistenceErrors); cognito-local answers NotAuthorizedException "User not authorized".
    [Fact]
    public async Task AdminInitiateAuthAsync_UnknownUser_ThrowsNotAuthorizedException()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);

        var error = await Assert.ThrowsAsync<NotAuthorizedException>(() => setup.Client.AdminInitiateAuthAsync(setup.SignIn("nobody", Password)));

        Assert.Equal(nameof(NotAuthorizedException), error.ErrorCode);
        SecretAssert.Absent(error, Password);
        Assert.Equal(1, setup.Counter["AdminInitiateAuth"]);
    }

    [Fact]
    public async Task AdminInitiateAuthAsync_UnknownAppClient_ThrowsResourceNotFoundException()
    {
        using var setup = await CognitoLocalClientSetup.StartAsync(fixture);
        await setup.SeedUserAsync("ada", Password);
        var request = setup.SignIn("ada", Password) with { ClientId = "no-such-client" };

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => setup.Client.AdminInitiateAuthAsync(request));

        Assert.Equal(nameof(ResourceNotFoundException), error.ErrorCode);
        SecretAssert.Absent(error, Password);
    }
}
