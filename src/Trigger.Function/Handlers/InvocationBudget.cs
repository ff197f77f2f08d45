namespace Trigger.Function.Handlers;

/// <summary>
/// The time one invocation may spend on the old pool: it ends a safety margin before Cognito's fixed
/// 5 seconds, or before the runtime's deadline if that comes first. Cognito's 5 seconds run from when
/// it invoked the function, so for the event a cold start was made for they include init: the budget
/// counts from <c>waitingSince</c>, not from its own start. Timed by the injected clock.
/// </summary>
internal sealed class InvocationBudget : IDisposable
{
    /// <summary>Cognito waits 5 seconds for a trigger, whatever the function's own timeout says.</summary>
    public static readonly TimeSpan CognitoLimit = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;

    /// <param name="deadline">The runtime's deadline for the invocation.</param>
    /// <param name="waitingSince">Since when the caller has waited (see <c>Invocation.WaitingSince</c>); null or a time ahead of now counts from now.</param>
    /// <param name="safetyMargin">Time kept back to post the answer.</param>
    /// <param name="time">The clock.</param>
    /// <param name="shutdown">Ends the budget early.</param>
    public InvocationBudget(DateTimeOffset deadline, DateTimeOffset? waitingSince, TimeSpan safetyMargin, TimeProvider time, CancellationToken shutdown)
    {
        var now = time.GetUtcNow();
        var waited = waitingSince is { } since && since < now ? now - since : TimeSpan.Zero;
        var cognitoLeft = CognitoLimit - waited;
        var remaining = deadline - now;
        var budget = (remaining < cognitoLeft ? remaining : cognitoLeft) - safetyMargin;
        Length = budget > TimeSpan.Zero ? budget : TimeSpan.Zero;
        _timer = new CancellationTokenSource(Length, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_timer.Token, shutdown);
    }

    /// <summary>How long the invocation may spend, from the budget's creation; zero when already spent.</summary>
    public TimeSpan Length { get; }

    /// <summary>Cancelled when the budget is spent or at shutdown.</summary>
    public CancellationToken Token => _linked.Token;

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
