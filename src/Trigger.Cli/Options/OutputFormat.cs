namespace Trigger.Cli.Options;

/// <summary>How a command writes its result to stdout (<c>--output</c>).</summary>
internal enum OutputFormat
{
    /// <summary>Tables and lines for people.</summary>
    Text,

    /// <summary>One JSON document for scripts.</summary>
    Json,
}
