namespace Trigger.Cli.Export;

/// <summary>The ops tool's exit codes, as the export and the sweep use them.</summary>
internal static class CommandExit
{
    /// <summary>Done, nothing to report.</summary>
    public const int Ok = 0;

    /// <summary>Done with findings (failed users), or stopped by an error; a rerun resumes.</summary>
    public const int Failed = 1;

    /// <summary>Bad options or input (an unknown pool, a bad snapshot): nothing was sent or written.</summary>
    public const int Usage = 2;
}
