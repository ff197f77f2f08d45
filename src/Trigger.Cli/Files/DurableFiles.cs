namespace Trigger.Cli.Files;

/// <summary>
/// <see cref="IDurableFiles"/> on the local file system. Replace is temp file + fsync + rename(2),
/// which POSIX makes atomic; appends are write + fsync.
/// </summary>
internal sealed class DurableFiles : IDurableFiles
{
    public static DurableFiles Instance { get; } = new();

    public async Task ReplaceAsync(string path, Func<Stream, Task> write)
    {
        var temporary = path + ".tmp";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: false))
            {
                await write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            // The previous file is untouched; only the half-written temporary one goes.
            TryDelete(temporary);
            throw;
        }
    }

    public IDurableAppender OpenAppender(string path, long length)
    {
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        try
        {
            if (stream.Length < length)
            {
                throw new InvalidDataException($"{path} is {stream.Length} bytes long; its checkpoint says {length}. It was changed outside the tool.");
            }

            stream.SetLength(length);
            stream.Seek(0, SeekOrigin.End);
            return new Appender(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a stray temporary file is harmless and overwritten next time.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private sealed class Appender(FileStream stream) : IDurableAppender
    {
        public long Length => stream.Length;

        public void Append(ReadOnlySpan<byte> bytes)
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        public void Dispose() => stream.Dispose();
    }
}
