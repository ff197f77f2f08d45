using Trigger.Migration.Ports;

namespace Trigger.Aws.PoolAdapters;

/// <summary>
/// Turns what is left after the retries into the domain's one exception: throttling, 5xx, network and
/// timeouts as transient (the pool was out of reach), any other service error (a 4xx) as not.
/// </summary>
internal static class CognitoFailures
{
    public static async Task<T> UnavailableOnFailureAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (AwsServiceException e)
        {
            throw new UserDirectoryUnavailableException(
                e.ErrorCode ?? $"HTTP {(int)e.StatusCode}", AwsResilience.IsTransient(e, CancellationToken.None), e);
        }
        catch (Polly.ExecutionRejectedException e)
        {
            // The last attempt timed out (Polly's per-attempt timeout) and no retry was left.
            throw new UserDirectoryUnavailableException("timeout", e);
        }
        catch (HttpRequestException e)
        {
            throw new UserDirectoryUnavailableException("network error", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // An HttpClient timeout, not the caller's budget.
            throw new UserDirectoryUnavailableException("timeout", e);
        }
    }
}
