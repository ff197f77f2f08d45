using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Trigger.Aws;

/// <summary>
/// Builds the Polly pipeline AWS calls run through: bounded retries with jittered exponential
/// backoff for throttling, 5xx and transient network failures, and a timeout per attempt. Any
/// other error, NotAuthorized above all, is never retried, and nothing is retried once the
/// caller's token (which carries the caller's deadline) has fired.
/// </summary>
public static class AwsResilience
{
    // Error codes AWS services use for throttling (Cognito: TooManyRequestsException; others vary).
    private static readonly HashSet<string> _throttlingCodes = new(StringComparer.Ordinal)
    {
        "TooManyRequestsException",
        "ThrottlingException",
        "Throttling",
        "ThrottledException",
        "RequestThrottledException",
        "RequestLimitExceeded",
        "TooManyRequests",
        "SlowDown",
    };

    /// <summary>Creates a pipeline from <paramref name="options"/>; nothing is shared between pipelines.</summary>
    /// <param name="options">Retry and timeout settings; null for the defaults.</param>
    /// <param name="timeProvider">The clock for delays and timeouts; null for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its documented range.</exception>
    public static ResiliencePipeline CreatePipeline(AwsResilienceOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new AwsResilienceOptions();
        options.Validate();

        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider ?? TimeProvider.System };
        if (options.MaxRetryAttempts > 0)
        {
            var unsentOnly = options.RetryOnlyUnsentRequests;
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception
                    && (unsentOnly ? IsUnsent(exception, args.Context.CancellationToken) : IsTransient(exception, args.Context.CancellationToken))),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
            });
        }

        // Inside the retry, so that each attempt gets its own time budget.
        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    /// <summary>
    /// Whether <paramref name="exception"/> is worth another attempt: throttling, a 5xx answer, a
    /// network failure or a timeout that the caller did not ask for. False once
    /// <paramref name="callerToken"/> is cancelled.
    /// </summary>
    /// <param name="exception">What the attempt threw.</param>
    /// <param name="callerToken">The caller's token; once it fires nothing is retried.</param>
    public static bool IsTransient(Exception exception, CancellationToken callerToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (callerToken.IsCancellationRequested)
        {
            return false;
        }

        return exception switch
        {
            AwsServiceException service => IsThrottling(service) || (int)service.StatusCode >= 500,
            TimeoutRejectedException => true,
            HttpRequestException => true,
            IOException => true,
            // The caller's token has not fired, so this is HttpClient.Timeout or a dropped stream.
            OperationCanceledException => true,
            _ => false,
        };
    }

    /// <summary>
    /// Whether <paramref name="exception"/> shows the request did not reach the service's logic: throttling
    /// (refused before it was handled), or a connection that could not be made (refused, name not resolved),
    /// so nothing was sent. False once <paramref name="callerToken"/> is cancelled.
    /// </summary>
    /// <param name="exception">What the attempt threw.</param>
    /// <param name="callerToken">The caller's token; once it fires nothing is retried.</param>
    public static bool IsUnsent(Exception exception, CancellationToken callerToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (callerToken.IsCancellationRequested)
        {
            return false;
        }

        return exception switch
        {
            AwsServiceException service => IsThrottling(service),
            HttpRequestException http => http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
            _ => false,
        };
    }

    private static bool IsThrottling(AwsServiceException exception) =>
        exception.StatusCode == HttpStatusCode.TooManyRequests
        || (exception.ErrorCode is { } code && _throttlingCodes.Contains(code));
}
