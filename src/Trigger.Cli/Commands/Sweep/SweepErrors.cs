using Trigger.Aws;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// Which errors end the run (a rerun resumes) and which belong to one user (reported, the run goes on).
/// Throttling and 5xx that outlived the retries, and errors about the caller (credentials, permissions,
/// a missing pool), would repeat for every user: recording them per user would turn one outage into
/// millions of false failures.
/// </summary>
internal static class SweepErrors
{
    private static readonly HashSet<string> _callerErrors = new(StringComparer.Ordinal)
    {
        "AccessDeniedException",
        "ResourceNotFoundException",
        "NotAuthorizedException",
        "UnrecognizedClientException",
        "InvalidSignatureException",
        "SignatureDoesNotMatch",
        "IncompleteSignature",
        "MissingAuthenticationToken",
        "InvalidClientTokenId",
        "ExpiredTokenException",
        "ExpiredToken",
        "UnknownOperationException",
        "CognitoLocal#Unsupported",
    };

    /// <summary>True when <paramref name="exception"/> must stop the whole run.</summary>
    public static bool EndsTheRun(Exception exception) => exception switch
    {
        AwsServiceException service => AwsResilience.IsTransient(service, CancellationToken.None)
            || (service.ErrorCode is { } code && _callerErrors.Contains(code)),
        _ => true,
    };

    /// <summary>The short reason an error is counted under.</summary>
    public static string Reason(AwsServiceException exception) => exception.ErrorCode ?? $"HTTP{(int)exception.StatusCode}";
}
