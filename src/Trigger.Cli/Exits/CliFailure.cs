namespace Trigger.Cli.Exits;

/// <summary>
/// A command cannot go on. The message is the one line the operator sees on stderr, so it names
/// what was wrong and never carries a secret.
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
}
