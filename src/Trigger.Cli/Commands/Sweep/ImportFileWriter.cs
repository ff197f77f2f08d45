using System.Globalization;
using System.Text;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// Writes import CSV files one after another, each starting with the GetCSVHeader line, and starts a new
/// file before one would pass 500,000 rows or 100 MB (the import job's limits). A file is written under a
/// temporary name and renamed once flushed to disk, so a file with its final name is always complete.
/// UTF-8 without byte order mark, LF line ends.
/// </summary>
internal sealed class ImportFileWriter(string directory, IReadOnlyList<string> header, int firstNumber, long maxRows = ImportFileWriter.MaxRows, long maxBytes = ImportFileWriter.MaxBytes) : IDisposable
{
    public const long MaxRows = 500_000;

    // 100 MB taken as 10^8 bytes: below both readings of the documented limit.
    public const long MaxBytes = 100_000_000;

    private static readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly byte[] _headerLine = _utf8.GetBytes(string.Join(',', header) + "\n");
    private FileStream? _current;

    /// <summary>The number of the file being written (or to be written next).</summary>
    public int Number { get; private set; } = firstNumber;

    public long Rows { get; private set; }

    public long Bytes { get; private set; }

    public string FileName => string.Create(CultureInfo.InvariantCulture, $"users-{Number:0000}.csv");

    /// <summary>True when <paramref name="rowBytes"/> more would pass a limit of the current, non-empty file.</summary>
    public bool WouldOverflow(int rowBytes) => Rows > 0 && (Rows + 1 > maxRows || Bytes + rowBytes + 1 > maxBytes);

    public static int ByteCount(string row) => _utf8.GetByteCount(row);

    public void Write(string row)
    {
        if (_current is null)
        {
            Directory.CreateDirectory(directory);
            _current = new FileStream(Path.Combine(directory, FileName + ".partial"), FileMode.Create, FileAccess.Write, FileShare.None, 256 * 1024);
            _current.Write(_headerLine);
            Bytes = _headerLine.Length;
        }

        var bytes = _utf8.GetBytes(row + "\n");
        _current.Write(bytes);
        Rows++;
        Bytes += bytes.Length;
    }

    /// <summary>Flushes, renames and describes the current file; null when it has no row.</summary>
    public ImportPart? Complete()
    {
        if (_current is null)
        {
            return null;
        }

        _current.Flush(flushToDisk: true);
        _current.Dispose();
        _current = null;
        var path = Path.Combine(directory, FileName);
        File.Move(path + ".partial", path, overwrite: true);
        var part = new ImportPart { Number = Number, File = path, Rows = Rows, Bytes = Bytes };
        Number++;
        Rows = 0;
        Bytes = 0;
        return part;
    }

    /// <summary>Removes unfinished files left by a killed run.</summary>
    public static void DiscardPartials(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var partial in Directory.EnumerateFiles(directory, "*.partial"))
        {
            File.Delete(partial);
        }
    }

    public void Dispose() => _current?.Dispose();
}
