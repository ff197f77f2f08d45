using System.Text;

namespace Trigger.Testing.Lambda;

/// <summary>
/// Everything the runtime processes wrote, line by line, across restarts. Thread-safe: the two pipe
/// readers append while tests read.
/// </summary>
internal sealed class CapturedOutput
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _all = new();
    private readonly StringBuilder _standardOutput = new();
    private readonly StringBuilder _standardError = new();

    public void AppendStandardOutput(string line) => Append(_standardOutput, line);

    public void AppendStandardError(string line) => Append(_standardError, line);

    public string All => Read(_all);

    public string StandardOutput => Read(_standardOutput);

    public string StandardError => Read(_standardError);

    private void Append(StringBuilder stream, string line)
    {
        lock (_gate)
        {
            stream.Append(line).Append('\n');
            _all.Append(line).Append('\n');
        }
    }

    private string Read(StringBuilder stream)
    {
        lock (_gate)
        {
            return stream.ToString();
        }
    }
}
