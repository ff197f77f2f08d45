using System.Diagnostics;
using System.Globalization;

namespace Trigger.Testing.Lambda;

/// <summary>
/// A lock shared by every process on the machine (test assemblies, the demo) so that only one of
/// them builds the function artifact at a time.
/// </summary>
/// <remarks>
/// Opening a file with <see cref="FileShare.None"/> takes an exclusive advisory lock on Unix (flock)
/// and a sharing lock on Windows; the OS drops it when the holder exits, so a killed test run never
/// leaves a stale lock behind, unlike a "lock file exists" convention.
/// </remarks>
internal sealed class ArtifactLock : IDisposable
{
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(250);

    private readonly FileStream _stream;

    private ArtifactLock(FileStream stream) => _stream = stream;

    /// <summary>Waits until the lock at <paramref name="path"/> is free and takes it.</summary>
    /// <exception cref="TimeoutException">Another process held the lock for longer than <paramref name="maxWait"/>.</exception>
    public static async Task<ArtifactLock> AcquireAsync(string path, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                // The holder's process id, for whoever wonders why they are waiting.
                stream.SetLength(0);
                stream.Write(System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
                stream.Flush();
                return new ArtifactLock(stream);
            }
            catch (IOException) when (waited.Elapsed < maxWait)
            {
                await Task.Delay(_pollInterval, cancellationToken);
            }
            catch (IOException exception)
            {
                throw new TimeoutException(
                    $"Another process held the build lock '{path}' for more than {maxWait.TotalMinutes:0} minutes.", exception);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
