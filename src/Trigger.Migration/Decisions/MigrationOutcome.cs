using Trigger.Migration.Events;

namespace Trigger.Migration.Decisions;

/// <summary>What the trigger decided for one event: the response for Cognito, and what to log and count.</summary>
public sealed record MigrationOutcome
{
    /// <summary>The response Cognito reads.</summary>
    public required UserMigrationResponse Response { get; init; }

    /// <summary>Null when the user migrates; the reason otherwise.</summary>
    public Refusal? Refusal { get; init; }

    /// <summary>True when the typed name was an alias.</summary>
    public bool ViaAlias { get; init; }

    /// <summary>The old user's username when the user migrates (their group memberships are read by it); null for a refusal.</summary>
    public string? OldUsername { get; init; }

    /// <summary>How the new pool compares names: the key under which the user's groups wait for PostAuthentication.</summary>
    public NameRule NewPoolNames { get; init; } = NameRule.CaseSensitive;

    /// <summary>Old attribute names left behind because the new schema lacks them.</summary>
    public IReadOnlyList<string> DroppedAttributes { get; init; } = [];

    /// <summary>Builds a refusal.</summary>
    public static MigrationOutcome Refused(Refusal reason) => new() { Response = UserMigrationResponse.Refusal, Refusal = reason };
}
