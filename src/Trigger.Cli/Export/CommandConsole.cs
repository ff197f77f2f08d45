namespace Trigger.Cli.Export;

/// <summary>The streams a command talks through; the process's console unless a test gives its own.</summary>
/// <param name="Output">The report (stdout).</param>
/// <param name="Messages">Progress, warnings, prompts and errors (stderr).</param>
/// <param name="Input">Answers to prompts (stdin).</param>
/// <param name="Interactive">Whether <paramref name="Messages"/> is a terminal (progress redrawn in place).</param>
public sealed record CommandConsole(TextWriter Output, TextWriter Messages, TextReader Input, bool Interactive)
{
    /// <summary>The process's console.</summary>
    public static CommandConsole System => new(Console.Out, Console.Error, Console.In, !Console.IsErrorRedirected);
}
