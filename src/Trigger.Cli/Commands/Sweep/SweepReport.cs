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

    /// <summary>Group memberships given to swept and already-migrated users (admin strategy).</summary>
    public SweepMembershipCounts? Memberships { get; init; }

    public double Seconds { get; init; }

    /// <summary>Users settled per second by this run.</summary>
    public double UsersPerSecond { get; init; }
}

/// <summary>The group memberships a sweep carried.</summary>
/// <param name="Added">Memberships added in the new pool (AdminAddUserToGroup).</param>
/// <param name="AlreadyPresent">Memberships the new user already had (the trigger's, or an interrupted run's).</param>
/// <param name="Failed">Memberships whose AdminAddUserToGroup failed after the retries (run <c>groups --members</c>).</param>
/// <param name="GroupsMissing">Old groups the new pool lacks, with the memberships not added for each (run <c>groups</c> first).</param>
/// <param name="NotCarried">Why no membership could be carried at all (a snapshot that records no groups); null when they were.</param>
internal sealed record SweepMembershipCounts(long Added, long AlreadyPresent, long Failed, SortedDictionary<string, long> GroupsMissing, string? NotCarried);

/// <summary>How many users ended with one outcome for one reason, a few of them, and one explanation.</summary>
internal sealed record ReasonCount(string Outcome, string Reason, long Count, List<string> Examples, string? Detail);
