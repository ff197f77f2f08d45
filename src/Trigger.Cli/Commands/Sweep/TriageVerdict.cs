namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// What the sweep makes of one old user before touching the new pool: eligible with the attributes to
/// create it with, or not to be moved (<see cref="Outcome"/> skipped or unmappable) and why.
/// </summary>
internal sealed record TriageVerdict
{
    public string? Outcome { get; init; }

    public string? Reason { get; init; }

    public string? Detail { get; init; }

    /// <summary>The attributes for the new pool (never sub nor cognito:*), when eligible.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>Old attribute names left behind (only with dropped attributes allowed).</summary>
    public IReadOnlyList<string> Dropped { get; init; } = [];

    public bool IsEligible => Outcome is null;

    public static TriageVerdict Eligible(IReadOnlyDictionary<string, string> attributes, IReadOnlyList<string> dropped) =>
        new() { Attributes = attributes, Dropped = dropped };

    public static TriageVerdict Skip(string reason, string detail) =>
        new() { Outcome = StragglerOutcomes.Skipped, Reason = reason, Detail = detail };

    public static TriageVerdict Unmappable(string reason, string detail) =>
        new() { Outcome = StragglerOutcomes.Unmappable, Reason = reason, Detail = detail };
}
