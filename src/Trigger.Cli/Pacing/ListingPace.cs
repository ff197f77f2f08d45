using System.Threading.RateLimiting;

namespace Trigger.Cli.Pacing;

/// <summary>
/// Paces ListUsers pages. ListUsers belongs to the UserList quota, 30 requests per second per
/// account and region and not adjustable (Cognito quotas page), shared with the trigger's own
/// alias lookups, so a listing takes only part of it.
/// </summary>
internal sealed class ListingPace : IDisposable
{
    /// <summary>The default: a third of the UserList quota.</summary>
    public const int DefaultPagesPerSecond = 10;

    private readonly TokenBucketRateLimiter _limiter;

    public ListingPace(int pagesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pagesPerSecond, 1);
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = pagesPerSecond,
            TokensPerPeriod = pagesPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 1,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        PagesPerSecond = pagesPerSecond;
    }

    public int PagesPerSecond { get; }

    /// <summary>Waits until the next page may be read.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
    }

    public void Dispose() => _limiter.Dispose();
}
