using System.Text.Json.Serialization;

namespace Trigger.Cli.Sweep;

/// <summary>Source-generated JSON for the sweep's journal, checkpoint and report.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JournalEntry))]
[JsonSerializable(typeof(SweepCheckpoint))]
[JsonSerializable(typeof(SweepReport))]
internal sealed partial class SweepJsonContext : JsonSerializerContext;
