using Amazon.Runtime;
using Trigger.Migration.Ports;

namespace Trigger.Aws.DynamoDb;

/// <summary>
/// Turns what a DynamoDB call threw into <see cref="UserDirectoryUnavailableException"/>, naming the table's role
/// (<c>fold index</c>, <c>group hand-over</c>) and the failure class only: the service's text could quote a key,
/// which is a user's name. Throttling, 5xx, network and timeouts are transient; a missing table or a denied call not.
/// </summary>
internal static class DynamoDbFailures
{
    // Throttling as DynamoDB names it (DynamoDB developer guide, "Error handling with DynamoDB").
    private static readonly HashSet<string> _throttlingCodes = new(StringComparer.Ordinal)
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "RequestLimitExceeded",
        "LimitExceededException",
    };

    /// <summary>The exception to throw for <paramref name="e"/>; null when <paramref name="e"/> is not a DynamoDB call's failure.</summary>
    public static UserDirectoryUnavailableException? Translate(Exception e, string table, CancellationToken cancellationToken) => e switch
    {
        AmazonServiceException service => new UserDirectoryUnavailableException(
            $"{table} {service.ErrorCode ?? $"HTTP {(int)service.StatusCode}"}",
            (service.ErrorCode is { } code && _throttlingCodes.Contains(code)) || (int)service.StatusCode >= 500),
        AwsConfigurationException => new UserDirectoryUnavailableException($"{table} credentials", transient: false, e),
        // Network failures and the SDK's own attempt timeout: the table was out of reach.
        AmazonClientException or HttpRequestException or IOException or TimeoutException => new UserDirectoryUnavailableException($"{table} {(e is TimeoutException ? "timeout" : "network error")}", e),
        OperationCanceledException when !cancellationToken.IsCancellationRequested => new UserDirectoryUnavailableException($"{table} timeout", e),
        _ => null,
    };

}
