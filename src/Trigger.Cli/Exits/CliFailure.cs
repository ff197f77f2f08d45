namespace Trigger.Cli.Exits;

/// <summary>
/// A command cannot go on: the tool's one way to end with an error. Commands throw it; the top of the tool
/// (<see cref="CliApp.RunAsync"/>) writes it once, as one line on stderr, and ends with its exit code. The
/// message is that line, so it names what was wrong and never carries a secret.
/// </summary>
internal sealed class CliFailure : Exception
{
    public CliFailure(string message, int exitCode = ExitCodes.Failure)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliFailure(string message, Exception innerException, int exitCode = ExitCodes.Failure)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>The exit code the tool ends with.</summary>
    public int ExitCode { get; }

    /// <summary>What the operator sees on stderr: the tool's name and the message, on one line.</summary>
    public string Line => $"{CliApp.Name}: {OneLine(Message)}";

    /// <summary>Bad options or input (exit code 2), found before anything was sent or written.</summary>
    public static CliFailure Usage(string message) => new(message, ExitCodes.Usage);

    /// <summary>Writes <see cref="Line"/> to <paramref name="error"/> and answers <see cref="ExitCode"/>.</summary>
    public async Task<int> ReportAsync(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        await error.WriteLineAsync(Line);
        return ExitCode;
    }

    // A line break inside the message would read as a second error.
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
