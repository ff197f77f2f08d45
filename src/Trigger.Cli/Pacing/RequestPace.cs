using System.Threading.RateLimiting;

namespace Trigger.Cli.Pacing;

/// <summary>
/// A token bucket on an injected <see cref="TimeProvider"/>: on average at most <see cref="PerSecond"/>
/// acquisitions a second, bursts of at most <see cref="Burst"/>. The framework's TokenBucketRateLimiter
/// measures time with Stopwatch even when replenished by hand, so it cannot follow a fake or
/// time-compressed clock; this one can. Waiters are served one at a time, in arrival order.
/// </summary>
internal sealed class RequestPace : RateLimiter
{
    /// <summary>
    /// ListUsers pages a second unless told otherwise: a third of the UserList quota (30 requests per second per
    /// account and region, not adjustable), which the trigger's own alias look-ups share.
    /// </summary>
    public const int DefaultPagesPerSecond = 10;

    // Late timer wake-ups (a millisecond or so) must not lose tokens, or the sustained rate sags
    // below the asked rate; a bucket of at least two tokens absorbs them.
    private const double MinimumBurst = 2;
    private static readonly TimeSpan _burstWindow = TimeSpan.FromMilliseconds(50);

    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly object _gate = new();
    private double _tokens = 1;
    private long _lastTimestamp;
    private long _granted;

    public RequestPace(double perSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentNullException.ThrowIfNull(time);
        PerSecond = perSecond;
        Burst = Math.Max(MinimumBurst, perSecond * _burstWindow.TotalSeconds);
        _time = time;
        _lastTimestamp = time.GetTimestamp();
    }

    /// <summary>The average rate allowed.</summary>
    public double PerSecond { get; }

    /// <summary>The most acquisitions that can happen back to back.</summary>
    public double Burst { get; }

    /// <summary>Acquisitions granted so far.</summary>
    public long Granted => Interlocked.Read(ref _granted);

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => null;

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Refill();
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = (long)_tokens,
                CurrentQueuedCount = _turn.CurrentCount == 0 ? 1 : 0,
                TotalSuccessfulLeases = Granted,
            };
        }
    }

    /// <summary>Waits for one permit.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        using var lease = await AcquireAsync(1, cancellationToken);
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ValidatePermits(permitCount);
        if (!_turn.Wait(0))
        {
            return PaceLease.Denied;
        }

        try
        {
            return TakeOrWait(permitCount) == TimeSpan.Zero ? PaceLease.Granted : PaceLease.Denied;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ValidatePermits(permitCount);
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (TakeOrWait(permitCount) is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }

            return PaceLease.Granted;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _turn.Dispose();
        }

        base.Dispose(disposing);
    }

    private void ValidatePermits(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, (int)Burst);
    }

    // Takes the permits and answers zero, or answers how long until they will be there.
    private TimeSpan TakeOrWait(int permitCount)
    {
        lock (_gate)
        {
            Refill();
            if (_tokens >= permitCount)
            {
                _tokens -= permitCount;
                Interlocked.Increment(ref _granted);
                return TimeSpan.Zero;
            }

            // Task.Delay on a TimeProvider counts whole milliseconds and completes a shorter delay at once,
            // which would turn a wait of less than a millisecond into a busy loop; round up instead (the
            // bucket keeps whatever accrues meanwhile).
            var milliseconds = (permitCount - _tokens) / PerSecond * 1000;
            return TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(milliseconds)));
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lastTimestamp, now);
        _lastTimestamp = now;
        _tokens = Math.Min(Burst, _tokens + (elapsed.TotalSeconds * PerSecond));
    }

    private sealed class PaceLease(bool acquired) : RateLimitLease
    {
        public static readonly PaceLease Granted = new(true);
        public static readonly PaceLease Denied = new(false);

        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
