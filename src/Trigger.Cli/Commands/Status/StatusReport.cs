using System.Text.Json.Nodes;

namespace Trigger.Cli.Commands.Status;

/// <summary>The state of a migration, as <c>status --output json</c> prints it.</summary>
internal sealed record StatusReport(
    StatusPool OldPool,
    StatusPool NewPool,
    string? UserMigrationTrigger,
    string? PreSignUpTrigger,
    ExactCounts? Exact,
    CheckpointSummary? Checkpoint);

/// <summary>One pool's identity and Cognito's estimate of its users.</summary>
internal sealed record StatusPool(string Id, string? Name, string Region, int? EstimatedUsers);

/// <summary>Counts from listing both pools (<c>--exact</c>), old users matched to new ones by username.</summary>
/// <param name="OldUsers">Users in the old pool.</param>
/// <param name="NewUsers">Users in the new pool.</param>
/// <param name="Migrated">Old users whose username exists in the new pool.</param>
/// <param name="Remaining">Old users not in the new pool yet (the sweep's stragglers).</param>
/// <param name="OnlyInNewPool">New users with no old user of the same username (signed up in the new pool).</param>
internal sealed record ExactCounts(long OldUsers, long NewUsers, long Migrated, long Remaining, long OnlyInNewPool);

/// <summary>The last sweep's checkpoint file, read loosely: its top-level scalar fields.</summary>
/// <param name="Path">The file given with <c>--checkpoint</c>.</param>
/// <param name="Found">False when there is no such file.</param>
/// <param name="Readable">False when the file is not a JSON object.</param>
/// <param name="Fields">Its top-level strings, numbers, booleans and nulls, in file order.</param>
internal sealed record CheckpointSummary(string Path, bool Found, bool Readable, IReadOnlyList<CheckpointField> Fields);

/// <summary>One top-level field of the checkpoint.</summary>
internal sealed record CheckpointField(string Name, JsonNode? Value);
