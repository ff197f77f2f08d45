namespace Trigger.Aws;

/// <summary>
/// Retry and timeout settings for calls to AWS. Defaults suit an interactive caller; the trigger,
/// which has 5 seconds in total, should pass a caller token carrying its deadline and may lower
/// <see cref="AttemptTimeout"/>.
/// </summary>
public sealed class AwsResilienceOptions
{
    /// <summary>Retries after the first attempt. Default 3; allowed 0 to 10 (0 sends each call once).</summary>
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>Delay before the first retry, doubled for each further one. Default 200 ms; allowed 1 ms to 30 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest delay between two attempts. Default 5 s; allowed from <see cref="BaseDelay"/> to 5 minutes.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time one attempt may take before it is abandoned and retried. Default 10 s; allowed 100 ms to 5 minutes.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Retry only what cannot have reached the service's logic: throttling, and connection failures before
    /// the request was sent. A timeout, a dropped answer or a 5xx after sending is not retried. For calls
    /// that count against the caller, such as a password check that counts toward the old pool's lockout.
    /// Default false.
    /// </summary>
    public bool RetryOnlyUnsentRequests { get; init; }

    /// <summary>Whether delays are randomised so that many callers do not retry in step. Default true.</summary>
    public bool UseJitter { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting outside its range.</summary>
    internal void Validate()
    {
        Require(MaxRetryAttempts is >= 0 and <= 10, nameof(MaxRetryAttempts), MaxRetryAttempts, "must be between 0 and 10");
        Require(BaseDelay >= TimeSpan.FromMilliseconds(1) && BaseDelay <= TimeSpan.FromSeconds(30), nameof(BaseDelay), BaseDelay, "must be between 1 ms and 30 s");
        Require(MaxDelay >= BaseDelay && MaxDelay <= TimeSpan.FromMinutes(5), nameof(MaxDelay), MaxDelay, "must be between BaseDelay and 5 minutes");
        Require(AttemptTimeout >= TimeSpan.FromMilliseconds(100) && AttemptTimeout <= TimeSpan.FromMinutes(5), nameof(AttemptTimeout), AttemptTimeout, "must be between 100 ms and 5 minutes");
    }

    private static void Require(bool valid, string name, object value, string rule)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(name, value, $"AwsResilienceOptions.{name} {rule}.");
        }
    }
}
