using System.Net;

namespace Trigger.Testing;

/// <summary>
/// A JSON 1.1 error answer from a Cognito-shaped endpoint (cognito-local, the fake, or Cognito):
/// the error type without namespace or URL suffix, the service's message, the HTTP status.
/// </summary>
public sealed class CognitoApiException : Exception
{
    public CognitoApiException(string operation, HttpStatusCode statusCode, string errorType, string serviceMessage, string? requestId)
        : base($"{operation} failed: HTTP {(int)statusCode} {errorType}: {serviceMessage}")
    {
        Operation = operation;
        StatusCode = statusCode;
        ErrorType = errorType;
        ServiceMessage = serviceMessage;
        RequestId = requestId;
    }

    /// <summary>The operation that failed, e.g. <c>AdminInitiateAuth</c>.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The error type, e.g. <c>NotAuthorizedException</c> (namespace prefix and <c>:url</c> suffix removed).</summary>
    public string ErrorType { get; }

    /// <summary>The service's <c>message</c> field.</summary>
    public string ServiceMessage { get; }

    /// <summary>The <c>x-amzn-RequestId</c> header, when the endpoint sent one (cognito-local does not).</summary>
    public string? RequestId { get; }
}
