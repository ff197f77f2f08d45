using System.Net;

namespace Trigger.Aws;

/// <summary>
/// An AWS service answered a call with an error. The message names the operation, the error code,
/// the HTTP status and the request id, plus the service's own text with every value the request
/// carried as a secret (passwords, SECRET_HASH, session, client metadata) and anything shaped like
/// a token removed. Request bodies are never included.
/// </summary>
public class AwsServiceException : Exception
{
    /// <summary>Creates the exception, for example from a test double, with status 400 and no request id.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    public AwsServiceException(string message)
        : this(message, errorCode: null, HttpStatusCode.BadRequest, requestId: null)
    {
    }

    /// <summary>Creates the exception with everything the service told us.</summary>
    /// <param name="message">A description of the failure; must not contain a secret.</param>
    /// <param name="errorCode">The service's error code without namespace, for example <c>NotAuthorizedException</c>.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> of the answer, for AWS support.</param>
    public AwsServiceException(string message, string? errorCode, HttpStatusCode statusCode, string? requestId)
        : base(message)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>The service's error code without namespace, for example <c>NotAuthorizedException</c>; null when the answer had none.</summary>
    public string? ErrorCode { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The request id AWS assigned (<c>x-amzn-RequestId</c>), when the answer carried one.</summary>
    public string? RequestId { get; }
}
