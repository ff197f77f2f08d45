namespace Trigger.Cli.Export;

/// <summary>How a command prints its final report.</summary>
public enum ReportFormat
{
    /// <summary>Lines for a person.</summary>
    Text,

    /// <summary>One JSON document for a script.</summary>
    Json,
}
