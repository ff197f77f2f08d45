using System.Text.Json;
using System.Text.Json.Nodes;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Exits;

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

/// <summary>The last sweep's checkpoint, read by the sweep's own reader: the scalar fields of its record.</summary>
/// <param name="Path">The file given with <c>--checkpoint</c>.</param>
/// <param name="Found">False when there is no such file.</param>
/// <param name="Readable">False when the file is not a checkpoint this version of the tool wrote.</param>
/// <param name="Fields">The checkpoint's top-level strings, numbers and booleans, named and ordered as the sweep writes them.</param>
/// <param name="Problem">Why it is not readable; null when it is.</param>
internal sealed record CheckpointSummary(string Path, bool Found, bool Readable, IReadOnlyList<CheckpointField> Fields, string? Problem = null)
{
    /// <summary>Reads the sweep checkpoint at <paramref name="path"/>; a missing or unreadable file is reported, not an error.</summary>
    /// <exception cref="CliFailure">The file is there but cannot be opened.</exception>
    public static CheckpointSummary Read(string path)
    {
        SweepCheckpoint? checkpoint;
        try
        {
            checkpoint = SweepCheckpoint.Read(path);
        }
        catch (InvalidDataException exception)
        {
            return new CheckpointSummary(path, Found: true, Readable: false, [], exception.Message);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"The checkpoint {path} could not be read: {exception.Message}", exception);
        }

        if (checkpoint is null)
        {
            return new CheckpointSummary(path, Found: false, Readable: false, []);
        }

        // Nested parts (the resume position, the CSV import files) are the sweep's working state, not a summary.
        var fields = JsonSerializer.SerializeToNode(checkpoint, SweepJson.Context.SweepCheckpoint)!.AsObject()
            .Where(field => field.Value is not (JsonObject or JsonArray))
            .Select(field => new CheckpointField(field.Key, field.Value?.DeepClone()))
            .ToList();
        return new CheckpointSummary(path, Found: true, Readable: true, fields);
    }
}

/// <summary>One top-level field of the checkpoint.</summary>
internal sealed record CheckpointField(string Name, JsonNode? Value);
