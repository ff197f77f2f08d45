namespace Trigger.Cli.Files;

/// <summary>
/// Where the export and the sweep keep their files: every write is on disk before the call returns,
/// so that a kill at any moment leaves either the previous state or the next one, never a mix.
/// A seam so tests can fill the disk or "crash" the process at a chosen write.
/// </summary>
internal interface IDurableFiles
{
    /// <summary>
    /// Replaces <paramref name="path"/> whole: <paramref name="write"/> fills a temporary file, which is flushed
    /// to disk and renamed over <paramref name="path"/>. On failure the previous file is untouched.
    /// </summary>
    Task ReplaceAsync(string path, Func<Stream, Task> write);

    /// <summary>Opens <paramref name="path"/> for appending after cutting it to <paramref name="length"/> bytes (creating it when missing).</summary>
    IDurableAppender OpenAppender(string path, long length);
}

/// <summary>An append-only file whose appends are flushed to disk before they return.</summary>
internal interface IDurableAppender : IDisposable
{
    /// <summary>Bytes in the file.</summary>
    long Length { get; }

    /// <summary>Appends <paramref name="bytes"/> and flushes them to disk.</summary>
    void Append(ReadOnlySpan<byte> bytes);
}

/// <summary>Shorthands over <see cref="IDurableFiles"/>.</summary>
internal static class DurableFilesExtensions
{
    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/>.</summary>
    public static Task ReplaceAsync(this IDurableFiles files, string path, byte[] content) =>
        files.ReplaceAsync(path, stream => stream.WriteAsync(content).AsTask());
}
