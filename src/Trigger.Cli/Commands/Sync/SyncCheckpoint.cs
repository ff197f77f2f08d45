using Trigger.Cli.Commands.Sweep;

namespace Trigger.Cli.Commands.Sync;

/// <summary>
/// Where a sync pass stands, rewritten whole (temporary file, flush, rename) after every primary page:
/// a killed pass resumes at the page it was in, and the journal says which users of that page are settled.
/// </summary>
internal sealed record SyncCheckpoint
{
    public const string ListingPhase = "listing";
    public const string MissingPhase = "missing";
    public const string GroupsPhase = "groups";
    public const string DonePhase = "done";

    public required string PrimaryUserPoolId { get; init; }

    public required string StandbyUserPoolId { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary><see cref="ListingPhase"/>, <see cref="MissingPhase"/>, <see cref="GroupsPhase"/> or <see cref="DonePhase"/>.</summary>
    public required string Phase { get; init; }

    /// <summary>Where the primary's listing resumes.</summary>
    public required SourcePosition Resume { get; init; }

    /// <summary>Primary users compared before <see cref="Resume"/> and found current (not journalled: nothing happened to them).</summary>
    public long Unchanged { get; init; }

    /// <summary>Primary users listed so far in this pass.</summary>
    public long Listed { get; init; }

    /// <summary>In the group phase: the last group (in ordinal order) whose changes are all recorded; null before the first.</summary>
    public string? GroupsDone { get; init; }
}

/// <summary>The last complete pass, for <c>plan</c>'s freshness check and the alarm: kept in <c>last-sync.json</c>.</summary>
internal sealed record SyncFreshness
{
    public required string PrimaryUserPoolId { get; init; }

    public required string StandbyUserPoolId { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>Changes and findings of that pass, by kind.</summary>
    public required SortedDictionary<string, long> Counts { get; init; }
}
