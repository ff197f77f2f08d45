namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// Runs the users of a listing through <c>settle</c> with bounded concurrency, in listing order, and
/// records each outcome before the user counts as settled. The first error that ends the run stops
/// reading, cancels what is in flight (an in-flight creation stays an intent, checked on resume) and
/// is returned; per-user problems are outcomes, not errors.
/// </summary>
internal sealed class SweepPipeline(
    int concurrency,
    SettledWatermark watermark,
    SweepTally tally,
    IReadOnlySet<string> settledBefore,
    Func<StragglerCandidate, CancellationToken, Task<JournalEntry>> settle,
    Func<JournalEntry, Task> recordOutcome,
    Func<Task> afterSettled)
{
    private Exception? _fault;

    /// <summary>Settles every candidate; returns null when all were settled, else why the run stopped.</summary>
    public async Task<Exception?> RunAsync(IAsyncEnumerable<StragglerCandidate> candidates, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        try
        {
            await foreach (var candidate in candidates.WithCancellation(stop.Token))
            {
                await slots.WaitAsync(stop.Token);
                watermark.Begin(candidate);
                _ = SettleOneAsync(candidate, slots, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped by a recorded fault or by the caller.
        }
        catch (Exception e)
        {
            Fail(e, stop);
        }

        // Every slot back means nothing is in flight any more.
        for (var i = 0; i < concurrency; i++)
        {
            await slots.WaitAsync(CancellationToken.None);
        }

        return Volatile.Read(ref _fault) ?? (cancellationToken.IsCancellationRequested ? new OperationCanceledException(cancellationToken) : null);
    }

    private async Task SettleOneAsync(StragglerCandidate candidate, SemaphoreSlim slots, CancellationTokenSource stop)
    {
        try
        {
            if (!settledBefore.Contains(candidate.User.Username))
            {
                var outcome = await settle(candidate, stop.Token);
                await recordOutcome(outcome);
                tally.Add(outcome);
            }

            watermark.Settle(candidate.Sequence);
            await afterSettled();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Left unsettled: the resume position stays before it.
        }
        catch (Exception e)
        {
            Fail(e, stop);
        }
        finally
        {
            slots.Release();
        }
    }

    private void Fail(Exception exception, CancellationTokenSource stop)
    {
        Interlocked.CompareExchange(ref _fault, exception, null);
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished.
        }
    }
}
