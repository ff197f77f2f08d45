namespace Trigger.Function.Handlers;

/// <summary>
/// The time one invocation may spend on the old pool: it ends a safety margin before Cognito's fixed
/// 5 seconds, or before the runtime's deadline if that comes first. Timed by the injected clock.
/// </summary>
internal sealed class InvocationBudget : IDisposable
{
    /// <summary>Cognito waits 5 seconds for a trigger, whatever the function's own timeout says.</summary>
    public static readonly TimeSpan CognitoLimit = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;

    public InvocationBudget(DateTimeOffset deadline, TimeSpan safetyMargin, TimeProvider time, CancellationToken shutdown)
    {
        var remaining = deadline - time.GetUtcNow();
        var budget = (remaining < CognitoLimit ? remaining : CognitoLimit) - safetyMargin;
        Length = budget > TimeSpan.Zero ? budget : TimeSpan.Zero;
        _timer = new CancellationTokenSource(Length, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_timer.Token, shutdown);
    }

    public TimeSpan Length { get; }

    public CancellationToken Token => _linked.Token;

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
