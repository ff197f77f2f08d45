using System.Text.RegularExpressions;

namespace Trigger.Testing;

/// <summary>
/// The last lines cognito-local printed, bounded, with colour codes stripped and delivered codes
/// redacted: its console "message delivery" prints temporary passwords and confirmation codes.
/// </summary>
internal sealed partial class CognitoLocalOutput
{
    private const int MaxLines = 2000;
    private readonly Queue<string> _lines = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        var clean = Redact(AnsiEscape().Replace(line, string.Empty));
        lock (_lines)
        {
            _lines.Enqueue(clean);
            if (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }

    public string Text
    {
        get
        {
            lock (_lines)
            {
                return string.Join(Environment.NewLine, _lines);
            }
        }
    }

    internal static string Redact(string line) => DeliveredSecret().Replace(line, "$1 [redacted]");

    [GeneratedRegex(@"\x1B\[[0-9;]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    // "Code:", "Email Message:", "SMS Message:" lines of cognito-local's confirmation-code box.
    [GeneratedRegex(@"\b(Code:|Message:)\s.*$")]
    private static partial Regex DeliveredSecret();
}
