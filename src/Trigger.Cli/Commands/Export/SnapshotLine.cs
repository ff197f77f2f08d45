namespace Trigger.Cli.Commands.Export;

/// <summary>
/// One line of a snapshot file (JSON Lines): the first line is the header (<c>kind: "snapshot"</c>),
/// then one line per user (<c>kind: "user"</c>), and last a summary (<c>kind: "summary"</c>) whose
/// count proves the file complete. Members not used by a kind are left out of the line.
/// </summary>
internal sealed record SnapshotLine
{
    public const string HeaderKind = "snapshot";
    public const string UserKind = "user";
    public const string SummaryKind = "summary";
    /// <summary>
    /// 2: user lines carry the user's groups (<see cref="Groups"/>) when the header says <see cref="GroupsRecorded"/>.
    /// 1: no groups; still read, but a sweep from it cannot carry memberships.
    /// </summary>
    public const int CurrentFormat = 2;

    /// <summary>The oldest format this tool still reads.</summary>
    public const int OldestReadableFormat = 1;

    public required string Kind { get; init; }

    // Header.
    public int? Format { get; init; }

    public string? UserPoolId { get; init; }

    public string? Region { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Header, format 2 on: true when every user line carries its groups (no <c>groups</c> member: in none).</summary>
    public bool? GroupsRecorded { get; init; }

    // User.
    public string? Username { get; init; }

    /// <summary>Every attribute the old pool returned, <c>sub</c> included.</summary>
    public Dictionary<string, string>? Attributes { get; init; }

    public string? Status { get; init; }

    public bool? Enabled { get; init; }

    public DateTimeOffset? Created { get; init; }

    public DateTimeOffset? Modified { get; init; }

    /// <summary>Legacy SMS MFA settings, as ListUsers returns them.</summary>
    public List<SnapshotMfaOption>? MfaOptions { get; init; }

    /// <summary>The preferred MFA method (AdminGetUser; only with <c>--mfa-details</c>).</summary>
    public string? PreferredMfa { get; init; }

    /// <summary>The MFA methods the user activated (AdminGetUser; only with <c>--mfa-details</c>).</summary>
    public List<string>? MfaSettings { get; init; }

    /// <summary>The groups the user belonged to in the old pool, sorted (ordinal); left out when none or not recorded.</summary>
    public List<string>? Groups { get; init; }

    // Summary.
    public long? Users { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}

/// <summary>A legacy MFA option of a user.</summary>
internal sealed record SnapshotMfaOption(string? DeliveryMedium, string? AttributeName);
