using System.Runtime.CompilerServices;

namespace Trigger.Cli.Files;

/// <summary>
/// Reads a file line by line as bytes, with each line's byte offset (what a checkpoint records), without
/// holding more than the longest line. A last line without a line feed is returned as is.
/// </summary>
internal static class JsonLinesReader
{
    private const int InitialBuffer = 64 * 1024;

    /// <summary>One line (without its line feed) and where it starts and ends in the file.</summary>
    internal readonly record struct Line(long Offset, long End, ReadOnlyMemory<byte> Bytes, bool Terminated);

    public static async IAsyncEnumerable<Line> ReadAsync(string path, long startOffset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        stream.Seek(startOffset, SeekOrigin.Begin);
        var buffer = new byte[InitialBuffer];
        var filled = 0;
        var offset = startOffset;
        while (true)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                if (filled > 0)
                {
                    yield return new Line(offset, offset + filled, buffer.AsMemory(0, filled), Terminated: false);
                }

                yield break;
            }

            filled += read;
            var start = 0;
            while (true)
            {
                var feed = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                if (feed < 0)
                {
                    break;
                }

                var length = feed;
                yield return new Line(offset, offset + length + 1, buffer.AsMemory(start, length), Terminated: true);
                offset += length + 1;
                start += length + 1;
            }

            // Keep the unfinished line at the front of the buffer.
            buffer.AsSpan(start, filled - start).CopyTo(buffer);
            filled -= start;
        }
    }
}
