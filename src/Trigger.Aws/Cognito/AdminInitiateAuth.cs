using System.Text;

namespace Trigger.Aws.Cognito;

/// <summary>
/// Signs a user in on the server side. <see cref="AuthParameters"/> carries USERNAME, PASSWORD and,
/// for a client with a secret, SECRET_HASH; none of them is ever printed or put in an error message.
/// </summary>
public sealed record AdminInitiateAuthRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The app client.</summary>
    public required string ClientId { get; init; }

    /// <summary>One of <see cref="AuthFlowType"/>.</summary>
    public required string AuthFlow { get; init; }

    /// <summary>USERNAME, PASSWORD, SECRET_HASH and the like. Secret.</summary>
    public IReadOnlyDictionary<string, string>? AuthParameters { get; init; }

    /// <summary>Passed to the pool's Lambda triggers.</summary>
    public IReadOnlyDictionary<string, string>? ClientMetadata { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("UserPoolId = ").Append(UserPoolId)
            .Append(", ClientId = ").Append(ClientId)
            .Append(", AuthFlow = ").Append(AuthFlow)
            .Append(", AuthParameters = [redacted]");
        return true;
    }
}

/// <summary>The outcome of AdminInitiateAuth: tokens, or a challenge to answer.</summary>
public sealed record AdminInitiateAuthResponse
{
    /// <summary>One of <see cref="ChallengeNameType"/>, or null when tokens were issued.</summary>
    public string? ChallengeName { get; init; }

    /// <summary>The session to answer the challenge with. Secret.</summary>
    public string? Session { get; init; }

    /// <summary>Parameters of the challenge.</summary>
    public IReadOnlyDictionary<string, string>? ChallengeParameters { get; init; }

    /// <summary>The tokens, when the sign-in is complete.</summary>
    public AuthenticationResultType? AuthenticationResult { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ChallengeName = ").Append(ChallengeName)
            .Append(", Session = ").Append(Session is null ? "null" : "[redacted]")
            .Append(", AuthenticationResult = ").Append(AuthenticationResult is null ? "null" : "[redacted]");
        return true;
    }
}

/// <summary>Tokens of a completed sign-in. Never logged, never returned by the trigger.</summary>
public sealed record AuthenticationResultType
{
    /// <summary>The access token. Secret.</summary>
    public string? AccessToken { get; init; }

    /// <summary>Lifetime of the tokens in seconds.</summary>
    public int ExpiresIn { get; init; }

    /// <summary>Usually <c>Bearer</c>.</summary>
    public string? TokenType { get; init; }

    /// <summary>The refresh token. Secret.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>The ID token. Secret.</summary>
    public string? IdToken { get; init; }

    /// <summary>A newly remembered device.</summary>
    public NewDeviceMetadataType? NewDeviceMetadata { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("TokenType = ").Append(TokenType)
            .Append(", ExpiresIn = ").Append(ExpiresIn)
            .Append(", tokens = [redacted]");
        return true;
    }
}

/// <summary>A device Cognito asks the client to remember.</summary>
public sealed record NewDeviceMetadataType
{
    /// <summary>The device key.</summary>
    public string? DeviceKey { get; init; }

    /// <summary>The device group key.</summary>
    public string? DeviceGroupKey { get; init; }
}
