using System.Text.Json.Nodes;
using Trigger.Testing;

namespace Trigger.Demo.App;

/// <summary>
/// The users' app during the migration window: it signs in with USER_PASSWORD_AUTH (SRP would never reach the
/// migration trigger) and signs up with SignUp, on the new pool's app client, like any Cognito SDK would.
/// </summary>
internal sealed class UserApp(CognitoAdmin newPool, string clientId)
{
    public async Task<AppAnswer> SignInAsync(string signInName, string password, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await InitiateAsync(signInName, password, cancellationToken);

            // The tokens go no further than this line.
            if (answer["AuthenticationResult"] is not null)
            {
                return AppAnswer.SignedIn;
            }

            var challenge = answer["ChallengeName"]?.GetValue<string>();
            return challenge is null
                ? new AppAnswer("no tokens, no challenge", "an answer with neither tokens nor a challenge")
                : new AppAnswer($"challenge {challenge}", $"challenge {challenge}");
        }
        catch (CognitoApiException e)
        {
            return new AppAnswer(e.ErrorType, e.ServiceMessage);
        }
    }

    /// <summary>
    /// Signs in as <see cref="SignInAsync"/> does and reads the ID token's <c>cognito:groups</c>, what an app
    /// authorises on; the token itself goes no further than this method.
    /// </summary>
    public async Task<(AppAnswer Answer, IReadOnlyList<string> Groups)> SignInReadingGroupsAsync(string signInName, string password, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await InitiateAsync(signInName, password, cancellationToken);
            return answer["AuthenticationResult"]?["IdToken"]?.GetValue<string>() is { } idToken
                ? (AppAnswer.SignedIn, TokenClaims.Groups(idToken))
                : (new AppAnswer("no tokens", "an answer without tokens"), []);
        }
        catch (CognitoApiException e)
        {
            return (new AppAnswer(e.ErrorType, e.ServiceMessage), []);
        }
    }

    private Task<JsonObject> InitiateAsync(string signInName, string password, CancellationToken cancellationToken) =>
        newPool.SendAsync("InitiateAuth", new JsonObject
        {
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["ClientId"] = clientId,
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = signInName, ["PASSWORD"] = password },
        }, cancellationToken);

    public async Task<AppAnswer> SignUpAsync(string username, string password, string email, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await newPool.SendAsync("SignUp", new JsonObject
            {
                ["ClientId"] = clientId,
                ["Username"] = username,
                ["Password"] = password,
                ["UserAttributes"] = new JsonArray(new JsonObject { ["Name"] = "email", ["Value"] = email }),
            }, cancellationToken);
            var confirmed = answer["UserConfirmed"]?.GetValue<bool>() == true;
            return new AppAnswer("signed up", confirmed ? "signed up, confirmed" : "signed up, not confirmed yet");
        }
        catch (CognitoApiException e)
        {
            return new AppAnswer(e.ErrorType, e.ServiceMessage);
        }
    }
}
