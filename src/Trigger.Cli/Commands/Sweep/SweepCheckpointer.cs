using Trigger.Cli.Files;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// Rewrites checkpoint.json with the watermark, at most about once every <c>interval</c> or every
/// <c>everySettled</c> users: the journal already holds every settled user, so the checkpoint only
/// bounds how much of the journal's tail a resume must look at.
/// </summary>
internal sealed class SweepCheckpointer(IDurableFiles files, SweepWorkspace workspace, SweepCheckpoint initial, SettledWatermark watermark, TimeProvider time, int everySettled, TimeSpan interval)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SweepCheckpoint _last = initial;
    private long _lastTimestamp = time.GetTimestamp();
    private long _settledSince;

    public SweepCheckpoint Last => _last;

    /// <summary>Counts one settled user and writes the checkpoint when it is due.</summary>
    public async Task SettledAsync()
    {
        var settled = Interlocked.Increment(ref _settledSince);
        if (settled < everySettled && time.GetElapsedTime(Interlocked.Read(ref _lastTimestamp)) < interval)
        {
            return;
        }

        // One writer at a time; the others skip rather than queue behind it.
        if (!await _gate.WaitAsync(0))
        {
            return;
        }

        try
        {
            await WriteCoreAsync(_last with { Resume = watermark.Position });
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes <paramref name="checkpoint"/> now.</summary>
    public async Task WriteAsync(SweepCheckpoint checkpoint)
    {
        await _gate.WaitAsync();
        try
        {
            await WriteCoreAsync(checkpoint);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WriteCoreAsync(SweepCheckpoint checkpoint)
    {
        checkpoint = checkpoint with { UpdatedAt = time.GetUtcNow() };
        await workspace.WriteCheckpointAsync(files, checkpoint);
        _last = checkpoint;
        Interlocked.Exchange(ref _settledSince, 0);
        Interlocked.Exchange(ref _lastTimestamp, time.GetTimestamp());
    }
}
