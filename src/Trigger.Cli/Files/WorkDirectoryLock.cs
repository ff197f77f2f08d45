using System.Globalization;
using System.Text;
using Trigger.Cli.Exits;

namespace Trigger.Cli.Files;

/// <summary>
/// An exclusive lock on a sweep's work directory for the whole run: two sweeps on one journal would both
/// resume from the same checkpoint and create the same users. The lock is the operating system's (a file
/// opened with FileShare.None, an flock on Linux and macOS, a share lock on Windows), so it is released
/// when the process ends however it ends; no stale lock needs clearing. Who holds it is written beside it.
/// </summary>
internal sealed class WorkDirectoryLock : IDisposable
{
    public const string LockFileName = "sweep.lock";
    public const string HolderFileName = "sweep.lock.holder";

    private readonly FileStream _lock;
    private readonly string _holderPath;

    private WorkDirectoryLock(FileStream @lock, string holderPath)
    {
        _lock = @lock;
        _holderPath = holderPath;
    }

    /// <summary>Takes the lock on <paramref name="directory"/>, creating it if needed.</summary>
    /// <exception cref="CliFailure">Another run holds it; the message says who.</exception>
    public static WorkDirectoryLock Acquire(string directory, TimeProvider time)
    {
        Directory.CreateDirectory(directory);
        var lockPath = Path.Combine(directory, LockFileName);
        var holderPath = Path.Combine(directory, HolderFileName);
        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw CliFailure.Usage(
                $"another sweep is running in {directory} ({Holder(holderPath)}). Wait for it to finish, stop it, or choose another --work-dir. Nothing was sent or written.");
        }
        catch (UnauthorizedAccessException e)
        {
            throw CliFailure.Usage($"cannot write in {directory}: {e.Message} Nothing was sent or written.");
        }

        var holder = string.Create(
            CultureInfo.InvariantCulture,
            $"process {Environment.ProcessId} on {Environment.MachineName}, user {Environment.UserName}, since {time.GetUtcNow():u}");
        File.WriteAllText(holderPath, holder + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return new WorkDirectoryLock(stream, holderPath);
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_holderPath);
        }
        catch (IOException)
        {
            // A leftover holder file names a process that no longer holds the lock; the next run overwrites it.
        }

        _lock.Dispose();
    }

    private static string Holder(string holderPath)
    {
        try
        {
            var text = File.ReadAllText(holderPath).Trim();
            return text.Length > 0 ? "held by " + text : "its holder did not say who it is";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "its holder did not say who it is";
        }
    }
}
