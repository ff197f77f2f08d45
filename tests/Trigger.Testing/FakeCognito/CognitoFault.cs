namespace Trigger.Testing;

/// <summary>An error the fake answers with: HTTP status, JSON 1.1 <c>__type</c> and <c>message</c>.</summary>
internal sealed class CognitoFault(string type, string message, int statusCode = 400) : Exception(message)
{
    public string Type { get; } = type;

    public int StatusCode { get; } = statusCode;

    public static CognitoFault InvalidParameter(string message) => new("InvalidParameterException", message);

    public static CognitoFault NotAuthorized(string message) => new("NotAuthorizedException", message);

    public static CognitoFault UserNotFound() => new("UserNotFoundException", "User does not exist.");

    public static CognitoFault PoolNotFound(string userPoolId) => new("ResourceNotFoundException", $"User pool {userPoolId} does not exist.");

    public static CognitoFault ClientNotFound(string clientId) => new("ResourceNotFoundException", $"User pool client {clientId} does not exist.");
}
