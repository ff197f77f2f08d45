namespace Trigger.Cli.Commands.Sweep;

/// <summary>The sweep's final report: printed (JSON with <c>--output json</c>) and kept as report.json.</summary>
internal sealed record SweepReport
{
    public string Command { get; init; } = "sweep";

    public required string Strategy { get; init; }

    public bool DryRun { get; init; }

    public bool Notify { get; init; }

    public required string Source { get; init; }

    public required string NewUserPoolId { get; init; }

    /// <summary>True when every old user was settled; false when the run stopped (see <see cref="StoppedBecause"/>).</summary>
    public bool Complete { get; init; }

    public string? StoppedBecause { get; init; }

    public long Total { get; init; }

    public required SortedDictionary<string, long> Counts { get; init; }

    public required List<ReasonCount> Reasons { get; init; }

    public required string WorkDirectory { get; init; }

    public string? JournalFile { get; init; }

    public string? IdMapFile { get; init; }

    public string? PlanFile { get; init; }

    public List<ImportPart>? ImportFiles { get; init; }

    public double Seconds { get; init; }

    /// <summary>Users settled per second by this run.</summary>
    public double UsersPerSecond { get; init; }
}

/// <summary>How many users ended with one outcome for one reason, a few of them, and one explanation.</summary>
internal sealed record ReasonCount(string Outcome, string Reason, long Count, List<string> Examples, string? Detail);
