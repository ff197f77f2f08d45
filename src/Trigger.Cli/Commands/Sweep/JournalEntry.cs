namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// One line of the sweep journal (JSON Lines, append-only, flushed to disk before the sweep moves on).
/// An <c>intent</c> line is written before a user is created, so a run killed between the creation and
/// its <c>outcome</c> line knows to check that user on resume; an <c>outcome</c> line settles the user.
/// No password or token is ever part of it.
/// </summary>
internal sealed record JournalEntry
{
    public const string IntentKind = "intent";
    public const string OutcomeKind = "outcome";

    public required string E { get; init; }

    public long Seq { get; init; }

    public required string User { get; init; }

    public string? Outcome { get; init; }

    public string? Reason { get; init; }

    public string? Detail { get; init; }

    public string? OldSub { get; init; }

    public string? NewUser { get; init; }

    public string? NewSub { get; init; }

    /// <summary>
    /// Intent lines: when the intent was written, just before the creation was sent. On resume it tells a
    /// user this sweep created from one the trigger migrated in the meantime (by the new user's creation date).
    /// </summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>
    /// Intent lines carried over by <c>--restart</c> from the journal it set aside: the creation is still in
    /// doubt whatever the new run's position.
    /// </summary>
    public bool? Carried { get; init; }

    /// <summary>Memberships this settlement added in the new pool (AdminAddUserToGroup); null when the user had no groups to carry.</summary>
    public int? GroupsAdded { get; init; }

    /// <summary>Memberships the new user already had (the trigger's, or an interrupted run's).</summary>
    public int? GroupsPresent { get; init; }

    /// <summary>Old groups the new pool lacks: these memberships were not added.</summary>
    public List<string>? GroupsMissing { get; init; }

    /// <summary>Memberships whose AdminAddUserToGroup failed (after the retries); <c>groups --members</c> or a rerun adds them.</summary>
    public int? GroupsFailed { get; init; }

    /// <summary>CSV strategy: the import file number the user's row is in.</summary>
    public int? Part { get; init; }

    /// <summary>Sync's group phase: the group a membership change or a group definition is about.</summary>
    public string? Group { get; init; }
}
