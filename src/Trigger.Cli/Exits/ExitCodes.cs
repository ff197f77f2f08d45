namespace Trigger.Cli.Exits;

/// <summary>What the tool's exit code means; scripts branch on these.</summary>
internal static class ExitCodes
{
    /// <summary>Everything is as it should be, or the operation succeeded.</summary>
    public const int Success = 0;

    /// <summary>The command found problems (a plan with blocking findings) or an operation failed.</summary>
    public const int Failure = 1;

    /// <summary>Bad usage: an unknown option, a missing or malformed value, a missing region or credentials.</summary>
    public const int Usage = 2;
}
