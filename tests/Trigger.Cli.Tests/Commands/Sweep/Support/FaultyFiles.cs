using Trigger.Cli.Files;

namespace Trigger.Cli.Tests.Commands.Sweep.Support;

/// <summary>
/// Real durable files with scripted trouble. Without a <see cref="CrashSwitch"/>: a full disk
/// (IOException "No space left on device") at the writes <c>failsAt</c> picks. With one: a simulated
/// kill -9 at the picked write (optionally torn: half of it reaches the disk), after which nothing
/// reaches the disk any more.
/// </summary>
internal sealed class FaultyFiles(Func<string, int, bool> failsAt, CrashSwitch? crash = null, bool tear = false) : IDurableFiles
{
    private readonly Dictionary<string, int> _writes = new(StringComparer.Ordinal);

    private CrashSwitch? Crash { get; } = crash;

    private bool Tear { get; } = tear;

    public int DiskFullErrors { get; private set; }

    public static IOException DiskFull() => new("No space left on device");

    public async Task ReplaceAsync(string path, Func<Stream, Task> write)
    {
        if (Crash?.Tripped == true)
        {
            throw new SimulatedCrashException();
        }

        if (Fails(path))
        {
            if (Crash is not null)
            {
                Crash.Trip();
                throw new SimulatedCrashException();
            }

            // A full disk fails the temporary file; the old file is left alone, as the real implementation does.
            DiskFullErrors++;
            throw DiskFull();
        }

        await DurableFiles.Instance.ReplaceAsync(path, write);
    }

    public IDurableAppender OpenAppender(string path, long length) => new Appender(this, path, DurableFiles.Instance.OpenAppender(path, length));

    private bool Fails(string path)
    {
        var name = Path.GetFileName(path);
        lock (_writes)
        {
            _writes[name] = _writes.GetValueOrDefault(name) + 1;
            return failsAt(name, _writes[name]);
        }
    }

    private sealed class Appender(FaultyFiles owner, string path, IDurableAppender inner) : IDurableAppender
    {
        public long Length => inner.Length;

        public void Append(ReadOnlySpan<byte> bytes)
        {
            if (owner.Crash?.Tripped == true)
            {
                throw new SimulatedCrashException();
            }

            if (!owner.Fails(path))
            {
                inner.Append(bytes);
                return;
            }

            if (owner.Tear && bytes.Length > 1)
            {
                inner.Append(bytes[..(bytes.Length / 2)]);
            }

            if (owner.Crash is { } crash)
            {
                crash.Trip();
                throw new SimulatedCrashException();
            }

            owner.DiskFullErrors++;
            throw DiskFull();
        }

        public void Dispose() => inner.Dispose();
    }
}

/// <summary>Stands for the process dying: once tripped, nothing reaches the disk or the network.</summary>
internal sealed class CrashSwitch
{
    private int _tripped;

    public bool Tripped => Volatile.Read(ref _tripped) == 1;

    public void Trip() => Interlocked.Exchange(ref _tripped, 1);
}

/// <summary>Thrown where a killed process would simply have stopped.</summary>
internal sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("simulated kill -9")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
