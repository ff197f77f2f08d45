using Trigger.Cli.Pacing;
using Trigger.Testing;

namespace Trigger.Cli.Tests.Pacing;

/// <summary>The token bucket on an injected clock: never above the rate (plus its small burst), and not below 95% of it.</summary>
public sealed class RequestPaceTests
{
    [Theory]
    [InlineData(10, 200)]
    [InlineData(50, 1000)]
    [InlineData(400, 1200)]
    public async Task WaitAsync_ManyCallers_RateHeldWithinTheBurstAndSustained(double perSecond, int acquisitions)
    {
        var clock = new ManualClock();
        using var pace = new RequestPace(perSecond, clock);
        var granted = new List<DateTimeOffset>();
        var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                lock (granted)
                {
                    if (granted.Count >= acquisitions)
                    {
                        return;
                    }
                }

                await pace.WaitAsync(CancellationToken.None);
                lock (granted)
                {
                    granted.Add(clock.GetUtcNow());
                }
            }
        })).ToArray();

        await DriveAsync(clock, Task.WhenAll(callers), step: TimeSpan.FromMilliseconds(10));

        var times = granted.Take(acquisitions).Order().ToList();
        var start = times[0];
        for (var i = 0; i < times.Count; i++)
        {
            var inWindow = times.Skip(i).TakeWhile(t => t - times[i] < TimeSpan.FromSeconds(1)).Count();
            Assert.True(inWindow <= perSecond + pace.Burst, $"{inWindow} grants within one second at {perSecond}/s");
        }

        var seconds = (times[^1] - start).TotalSeconds;
        var sustained = (acquisitions - 1) / seconds;
        Assert.InRange(sustained, perSecond * 0.95, perSecond * 1.05);
    }

    [Fact]
    public async Task WaitAsync_Cancelled_StopsWaiting()
    {
        var clock = new ManualClock();
        using var pace = new RequestPace(1, clock);
        await pace.WaitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = pace.WaitAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task WaitAsync_LessThanAMillisecondShort_WaitsAWholeMillisecondOnTheClockInsteadOfSpinning()
    {
        var clock = new ManualClock();
        using var pace = new RequestPace(400, clock); // a token every 2.5 ms
        await pace.WaitAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(2)); // 0.8 of the next token: half a millisecond short
        using var cancel = new CancellationTokenSource();

        // Task.Delay completes a delay under a millisecond at once, so a pace asking for one never waits on
        // the clock: it spins until cancelled.
        var waiting = Task.Run(() => pace.WaitAsync(cancel.Token).AsTask());
        var onTheClock = await Eventually.HoldsWithinAsync(() => clock.PendingTimers > 0, TimeSpan.FromSeconds(10));
        if (!onTheClock)
        {
            await cancel.CancelAsync();
        }

        Assert.True(onTheClock, "the waiter never set a timer on the clock");
        Assert.Equal([TimeSpan.FromMilliseconds(1)], clock.PendingWithin(TimeSpan.FromSeconds(1)));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, pace.Granted);
    }

    [Fact]
    public void AttemptAcquire_BucketEmpty_DeniedUntilTimePasses()
    {
        var clock = new ManualClock();
        using var pace = new RequestPace(2, clock);

        using var first = pace.AttemptAcquire();
        using var second = pace.AttemptAcquire();
        clock.Advance(TimeSpan.FromMilliseconds(500));
        using var third = pace.AttemptAcquire();

        Assert.True(first.IsAcquired);
        Assert.False(second.IsAcquired);
        Assert.True(third.IsAcquired);
    }

    // Moves the clock in small steps, each time letting the callers run until they wait on a timer again.
    private static async Task DriveAsync(ManualClock clock, Task work, TimeSpan step)
    {
        var guard = 0;
        while (!work.IsCompleted)
        {
            var spins = 0;
            while (!work.IsCompleted && clock.PendingTimers == 0 && spins++ < 1000)
            {
                await Task.Delay(1);
            }

            clock.Advance(step);
            Assert.True(++guard < 10_000_000, "the clock was driven far past any sane end");
        }

        await work;
    }
}
