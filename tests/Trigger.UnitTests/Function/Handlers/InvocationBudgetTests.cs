using Trigger.Function.Handlers;
using Trigger.Testing;

namespace Trigger.UnitTests.Function.Handlers;

public sealed class InvocationBudgetTests
{
    private static readonly TimeSpan _margin = TimeSpan.FromMilliseconds(400);
    private readonly ManualClock _clock = new();

    private DateTimeOffset FarDeadline => _clock.GetUtcNow().AddMinutes(1);

    [Fact]
    public void Length_WarmEventLongDeadline_CognitoFiveSecondsMinusMargin()
    {
        using var budget = new InvocationBudget(FarDeadline, _clock.GetUtcNow(), _margin, _clock, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(4600), budget.Length);
    }

    [Fact]
    public void Length_RuntimeDeadlineSooner_DeadlineMinusMargin()
    {
        using var budget = new InvocationBudget(_clock.GetUtcNow().AddSeconds(3), _clock.GetUtcNow(), _margin, _clock, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(2600), budget.Length);
    }

    [Fact]
    public void Length_ColdStartWaitedThroughInit_InitCountsAgainstCognitosFiveSeconds()
    {
        var processStart = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromMilliseconds(2500));

        using var budget = new InvocationBudget(FarDeadline, processStart, _margin, _clock, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(2100), budget.Length);
    }

    [Fact]
    public void Length_InitLongerThanCognitosLimit_ZeroAndTokenCancelled()
    {
        var processStart = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(6));

        using var budget = new InvocationBudget(FarDeadline, processStart, _margin, _clock, CancellationToken.None);

        Assert.Equal(TimeSpan.Zero, budget.Length);
        Assert.True(budget.Token.IsCancellationRequested);
    }

    [Fact]
    public void Length_WaitingSinceUnknownOrAhead_CountsFromNow()
    {
        using var unknown = new InvocationBudget(FarDeadline, null, _margin, _clock, CancellationToken.None);
        using var ahead = new InvocationBudget(FarDeadline, _clock.GetUtcNow().AddSeconds(2), _margin, _clock, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(4600), unknown.Length);
        Assert.Equal(TimeSpan.FromMilliseconds(4600), ahead.Length);
    }

    [Fact]
    public void Token_LengthElapsesOnTheClock_CancelledThenAndNotBefore()
    {
        var processStart = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(1));
        using var budget = new InvocationBudget(FarDeadline, processStart, _margin, _clock, CancellationToken.None);

        _clock.Advance(TimeSpan.FromMilliseconds(3599));
        var before = budget.Token.IsCancellationRequested;
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(before);
        Assert.True(budget.Token.IsCancellationRequested);
    }

    [Fact]
    public void Token_Shutdown_Cancelled()
    {
        using var shutdown = new CancellationTokenSource();
        using var budget = new InvocationBudget(FarDeadline, _clock.GetUtcNow(), _margin, _clock, shutdown.Token);

        shutdown.Cancel();

        Assert.True(budget.Token.IsCancellationRequested);
    }
}
