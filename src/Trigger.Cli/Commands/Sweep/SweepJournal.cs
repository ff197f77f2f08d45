using System.Text.Json;
using System.Threading.Channels;
using Trigger.Cli.Files;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// The append-only journal with group commit: lines handed in while a flush is under way go to disk
/// together in the next write + fsync, so many concurrent users cost one fsync, and each caller learns
/// when its own line is on disk. After a failed write (a full disk) every later append fails too: the
/// sweep must stop, since it can no longer record what it does.
/// </summary>
internal sealed class SweepJournal : IAsyncDisposable
{
    private const int MaxBatchBytes = 1 << 20;

    private readonly IDurableAppender _appender;
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private readonly MemoryStream _batch = new();
    private long _length;
    private Exception? _fault;

    public SweepJournal(IDurableAppender appender)
    {
        _appender = appender;
        _length = appender.Length;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Bytes known to be on disk.</summary>
    public long Length => Interlocked.Read(ref _length);

    /// <summary>Appends <paramref name="entry"/>; completes once it is on disk.</summary>
    /// <exception cref="IOException">The journal could not be written (now or before).</exception>
    public Task AppendAsync(JournalEntry entry)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(entry, SweepJson.Context.JournalEntry);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Volatile.Read(ref _fault) is not null || !_pending.Writer.TryWrite(new Pending(line, done)))
        {
            return Task.FromException(Failed(Volatile.Read(ref _fault)));
        }

        return done.Task;
    }

    /// <summary>
    /// Appends <paramref name="entry"/> without waiting for the disk (the CSV strategy, which makes its
    /// journal durable at file boundaries with <see cref="FlushAsync"/>, where a failure surfaces).
    /// </summary>
    public void Post(JournalEntry entry)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(entry, SweepJson.Context.JournalEntry);
        _pending.Writer.TryWrite(new Pending(line, null));
    }

    /// <summary>Completes once everything appended so far is on disk.</summary>
    public Task FlushAsync() => AppendMarkerAsync();

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer;
        _batch.Dispose();
    }

    private Task AppendMarkerAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Volatile.Read(ref _fault) is not null || !_pending.Writer.TryWrite(new Pending(null, done)))
        {
            return Task.FromException(Failed(Volatile.Read(ref _fault)));
        }

        return done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var waiting = new List<TaskCompletionSource>();
        while (await _pending.Reader.WaitToReadAsync())
        {
            _batch.SetLength(0);
            waiting.Clear();
            while (_batch.Length < MaxBatchBytes && _pending.Reader.TryRead(out var pending))
            {
                if (pending.Line is { } line)
                {
                    _batch.Write(line);
                    _batch.WriteByte((byte)'\n');
                }

                if (pending.Done is { } done)
                {
                    waiting.Add(done);
                }
            }

            if (_fault is null)
            {
                try
                {
                    if (_batch.Length > 0)
                    {
                        _appender.Append(_batch.GetBuffer().AsSpan(0, (int)_batch.Length));
                        Interlocked.Add(ref _length, _batch.Length);
                    }
                }
                catch (Exception e)
                {
                    // Whatever stopped the write, nothing after it may count as recorded.
                    Volatile.Write(ref _fault, e);
                }
            }

            foreach (var done in waiting)
            {
                if (_fault is { } fault)
                {
                    done.TrySetException(Failed(fault));
                }
                else
                {
                    done.TrySetResult();
                }
            }
        }
    }

    private static IOException Failed(Exception? cause) =>
        new(cause is null ? "the journal is closed" : $"cannot append to the journal: {cause.Message}", cause);

    private sealed record Pending(byte[]? Line, TaskCompletionSource? Done);
}
