namespace Trigger.Function.Logging;

/// <summary>
/// The one summary of an invocation that reaches the log. It has no field for the event, the sign-in
/// name, a password, a token or a secret, so none can be logged by mistake.
/// </summary>
internal sealed record InvocationRecord
{
    public required string RequestId { get; init; }

    public required string TriggerSource { get; init; }

    /// <summary>migrated, refused, allowed or error.</summary>
    public required string Outcome { get; init; }

    /// <summary>The refusal or error reason, or null.</summary>
    public string? Reason { get; init; }

    public string? FinalUserStatus { get; init; }

    public bool ViaAlias { get; init; }

    public IReadOnlyList<string> DroppedAttributes { get; init; } = [];

    public required double DurationMs { get; init; }

    public double OldPoolMs { get; init; }

    public int OldPoolCalls { get; init; }

    /// <summary>Old groups a migration left for the PostAuthentication step.</summary>
    public int GroupsRecorded { get; init; }

    /// <summary>Memberships the PostAuthentication step added in the new pool.</summary>
    public int GroupsAdded { get; init; }

    /// <summary>Names of old groups the new pool lacks (group names only, never the user).</summary>
    public IReadOnlyList<string> GroupsMissing { get; init; } = [];

    /// <summary>Groups a Pre token generation answer put into the tokens.</summary>
    public int GroupsInTokens { get; init; }

    /// <summary>Why groups could not be read or added (an error code, DeadlineExceeded); null when they were.</summary>
    public string? GroupsFailure { get; init; }

    public LogLevel Level => Outcome == "error" ? LogLevel.Error
        : Reason is "OldPoolUnavailable" or "DeadlineExceeded" or "RefusedOldPoolUnavailable" or "AllowedOldPoolUnavailable"
            or "OldPoolRejectedLookup" or "RefusedLookupRejected" or "NewPoolUnreadable" or "RefusedNewPoolUnreadable" ? LogLevel.Warn
        : GroupsMissing.Count > 0 || GroupsFailure is not null ? LogLevel.Warn
        : LogLevel.Info;
}
