using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>
/// AdminInitiateAuth with ADMIN_USER_PASSWORD_AUTH, in the order Cognito checks: client and flow,
/// SECRET_HASH, user lookup, disabled, lockout, reset-required, password, unconfirmed, temporary
/// password, scripted MFA challenge, then tokens. Tokens are opaque fakes, not JWTs.
/// </summary>
internal sealed partial class FakeIdentityProvider
{
    private const string IncorrectCredentials = "Incorrect username or password.";
    private const int FailuresBeforeLockout = 5;
    private static readonly TimeSpan _maxLockout = TimeSpan.FromMinutes(15);

    private JsonObject AdminInitiateAuth(JsonObject request)
    {
        var pool = Pool(request);
        var client = Client(pool, RequestFields.Required(request, "ClientId"));
        var flow = RequestFields.Required(request, "AuthFlow");
        if (flow is not ("ADMIN_USER_PASSWORD_AUTH" or "ADMIN_NO_SRP_AUTH"))
        {
            throw CognitoFault.InvalidParameter($"The fake Cognito supports only ADMIN_USER_PASSWORD_AUTH, not {flow}.");
        }

        if (!client.Allows("ALLOW_ADMIN_USER_PASSWORD_AUTH") && !client.Allows("ADMIN_NO_SRP_AUTH"))
        {
            throw CognitoFault.InvalidParameter("Auth flow not enabled for this client");
        }

        var parameters = request["AuthParameters"] as JsonObject ?? [];
        var typed = RequestFields.Optional(parameters, "USERNAME");
        var password = RequestFields.Optional(parameters, "PASSWORD");
        if (string.IsNullOrEmpty(typed) || string.IsNullOrEmpty(password))
        {
            throw CognitoFault.InvalidParameter("Missing required parameter USERNAME or PASSWORD");
        }

        CheckSecretHash(client, typed, RequestFields.Optional(parameters, "SECRET_HASH"));

        var user = pool.FindBySignInName(typed);
        if (user is null)
        {
            throw client.PreventUserExistenceErrors == "ENABLED"
                ? CognitoFault.NotAuthorized(IncorrectCredentials)
                : CognitoFault.UserNotFound();
        }

        if (!user.Enabled)
        {
            throw CognitoFault.NotAuthorized("User is disabled.");
        }

        var now = _time.GetUtcNow();
        if (user.FailedSignIns >= FailuresBeforeLockout && now < user.LockedUntil)
        {
            throw CognitoFault.NotAuthorized("Password attempts exceeded");
        }

        if (user.Status == "RESET_REQUIRED")
        {
            throw new CognitoFault("PasswordResetRequiredException", "Password reset required for the user");
        }

        if (user.Password is null || !FixedTimeEquals(user.Password, password))
        {
            RecordFailure(user, now);
            throw CognitoFault.NotAuthorized(IncorrectCredentials);
        }

        user.FailedSignIns = 0;
        if (user.Status == "UNCONFIRMED")
        {
            throw new CognitoFault("UserNotConfirmedException", "User is not confirmed.");
        }

        if (user.Status == "FORCE_CHANGE_PASSWORD")
        {
            return Challenge("NEW_PASSWORD_REQUIRED", new JsonObject
            {
                ["USER_ID_FOR_SRP"] = user.Username,
                ["requiredAttributes"] = "[]",
                ["userAttributes"] = new JsonObject(user.Attributes.Where(a => a.Key != "sub")
                    .Select(a => KeyValuePair.Create(a.Key, (JsonNode?)JsonValue.Create(a.Value)))).ToJsonString(),
            });
        }

        if (user.SignInChallenge is { } challenge)
        {
            return Challenge(challenge, ChallengeParameters(challenge, user));
        }

        return new JsonObject
        {
            ["ChallengeParameters"] = new JsonObject(),
            ["AuthenticationResult"] = new JsonObject
            {
                ["AccessToken"] = FakeToken("access"),
                ["ExpiresIn"] = 3600,
                ["TokenType"] = "Bearer",
                ["RefreshToken"] = FakeToken("refresh"),
                ["IdToken"] = FakeToken("id"),
            },
        };
    }

    private static void CheckSecretHash(FakeAppClient client, string typed, string? secretHash)
    {
        if (client.ClientSecret is null)
        {
            return;
        }

        if (secretHash is null)
        {
            throw CognitoFault.NotAuthorized($"Client {client.ClientId} is configured for secret but secret was not received");
        }

        var expected = SecretHash.Compute(typed, client.ClientId, client.ClientSecret);
        if (!FixedTimeEquals(expected, secretHash))
        {
            throw CognitoFault.NotAuthorized($"Unable to verify secret hash for client {client.ClientId}");
        }
    }

    private static void RecordFailure(FakeUser user, DateTimeOffset now)
    {
        // The developer guide: after five failed attempts the user is locked out for 1 s, doubling
        // with each further failure up to about 15 minutes. The fake follows that shape.
        user.FailedSignIns++;
        if (user.FailedSignIns >= FailuresBeforeLockout)
        {
            var seconds = Math.Pow(2, Math.Min(user.FailedSignIns - FailuresBeforeLockout, 20));
            user.LockedUntil = now + TimeSpan.FromSeconds(Math.Min(seconds, _maxLockout.TotalSeconds));
        }
    }

    private static JsonObject ChallengeParameters(string challenge, FakeUser user) => challenge switch
    {
        "SMS_MFA" => new JsonObject
        {
            ["CODE_DELIVERY_DELIVERY_MEDIUM"] = "SMS",
            ["CODE_DELIVERY_DESTINATION"] = MaskPhone(user.Attribute("phone_number")),
            ["USER_ID_FOR_SRP"] = user.Username,
        },
        "SELECT_MFA_TYPE" => new JsonObject { ["MFAS_CAN_CHOOSE"] = "[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]", ["USER_ID_FOR_SRP"] = user.Username },
        "MFA_SETUP" => new JsonObject { ["MFAS_CAN_SETUP"] = "[\"SOFTWARE_TOKEN_MFA\"]", ["USER_ID_FOR_SRP"] = user.Username },
        _ => new JsonObject { ["USER_ID_FOR_SRP"] = user.Username },
    };

    private static JsonObject Challenge(string name, JsonObject parameters) => new()
    {
        ["ChallengeName"] = name,
        ["Session"] = FakeToken("session"),
        ["ChallengeParameters"] = parameters,
    };

    private static string MaskPhone(string? phone) =>
        phone is { Length: > 4 } ? "+*******" + phone[^4..] : "+*******0000";

    private static string FakeToken(string kind) => $"fake-{kind}-token.{RandomText(Alphanumeric, 32)}";

    private static bool FixedTimeEquals(string left, string right) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right));
}
