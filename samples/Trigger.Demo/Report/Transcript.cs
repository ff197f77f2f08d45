using System.Text;
using System.Text.RegularExpressions;

namespace Trigger.Demo.Report;

/// <summary>
/// Everything the demo prints goes through here: to the console, and into a copy the demo scans at the end
/// for any password it knows (none may appear).
/// </summary>
internal sealed partial class Transcript
{
    private const int Width = 110;
    private readonly StringBuilder _copy = new();

    /// <summary>What was printed so far, colour codes removed.</summary>
    public string Text => _copy.ToString();

    public void Line(string text = "")
    {
        Console.Out.WriteLine(text);
        _copy.AppendLine(Ansi().Replace(text, ""));
    }

    /// <summary>Starts a line that <see cref="Line"/> finishes (a step that takes a while).</summary>
    public void Start(string text)
    {
        Console.Out.Write(text);
        Console.Out.Flush();
        _copy.Append(Ansi().Replace(text, ""));
    }

    public void Section(string title)
    {
        Line();
        Line(Paint.Bold(title));
    }

    /// <summary>A dim paragraph wrapped at the console width; lines after the first are indented by <paramref name="indent"/>.</summary>
    public void Note(string text, string indent = "  ", string? firstIndent = null)
    {
        var line = new StringBuilder(firstIndent ?? indent);
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                Line(Paint.Dim(line.ToString()));
                line.Clear().Append(indent);
                empty = true;
            }

            if (!empty)
            {
                line.Append(' ');
            }

            line.Append(word);
            empty = false;
        }

        Line(Paint.Dim(line.ToString()));
    }

    [GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial Regex Ansi();
}
