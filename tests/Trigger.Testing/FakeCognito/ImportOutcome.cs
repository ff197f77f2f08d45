namespace Trigger.Testing;

/// <summary>The result of running one import file: per-line results and counts, or a failed job.</summary>
internal sealed class ImportOutcome
{
    private readonly List<FakeImportLine> _lines = [];

    public bool Failed { get; private init; }

    public string CompletionMessage { get; private init; } = "Import Job Completed Successfully.";

    public IReadOnlyList<FakeImportLine> Lines => _lines;

    public int Imported => _lines.Count(l => l.Outcome == "SUCCEEDED");

    public int Skipped => _lines.Count(l => l.Outcome == "SKIPPED");

    public int FailedUsers => _lines.Count(l => l.Outcome == "FAILED");

    public static ImportOutcome JobFailed(string message) => new() { Failed = true, CompletionMessage = message };

    public void Add(FakeImportLine line) => _lines.Add(line);
}
