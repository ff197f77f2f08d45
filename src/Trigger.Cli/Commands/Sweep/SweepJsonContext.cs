using System.Text.Json.Serialization;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>Source-generated JSON for the sweep's journal, checkpoint and report, and the sync's (same options).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JournalEntry))]
[JsonSerializable(typeof(SweepCheckpoint))]
[JsonSerializable(typeof(SweepReport))]
[JsonSerializable(typeof(Sync.SyncCheckpoint))]
[JsonSerializable(typeof(Sync.SyncFreshness))]
[JsonSerializable(typeof(Sync.SyncReport))]
internal sealed partial class SweepJsonContext : JsonSerializerContext;
