namespace Trigger.Cli.Tests.Support;

/// <summary>What one in-process run of the tool left behind.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Stdout and stderr together, for "never printed anywhere" assertions.</summary>
    public string All => Out + Error;

    /// <summary>For assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
