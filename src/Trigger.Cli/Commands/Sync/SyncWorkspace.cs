namespace Trigger.Cli.Commands.Sync;

/// <summary>The files of a sync work directory.</summary>
internal sealed class SyncWorkspace(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>Where the current pass stands.</summary>
    public string CheckpointPath => Path.Combine(Directory, "checkpoint.json");

    /// <summary>The current pass's changes (the sweep's journal format: an intent before each creation, an outcome per change).</summary>
    public string JournalPath => Path.Combine(Directory, "journal.jsonl");

    /// <summary>The previous pass's journal, kept for reading.</summary>
    public string PreviousJournalPath => Path.Combine(Directory, "previous-journal.jsonl");

    /// <summary>The primary's usernames met in the current pass, one a line, appended before each checkpoint.</summary>
    public string SeenPath => Path.Combine(Directory, "seen.txt");

    /// <summary>The last pass's report.</summary>
    public string ReportPath => Path.Combine(Directory, "report.json");

    /// <summary>When the last complete pass started and ended (<see cref="SyncFreshness"/>).</summary>
    public string FreshnessPath => Path.Combine(Directory, FreshnessFileName);

    /// <summary>The name of the freshness file, as <c>plan --sync-state</c> reads it.</summary>
    public const string FreshnessFileName = "last-sync.json";
}
