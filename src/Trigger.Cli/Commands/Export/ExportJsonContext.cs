using System.Text.Json.Serialization;

namespace Trigger.Cli.Commands.Export;

/// <summary>Source-generated JSON for the snapshot, the export checkpoint and the export summary.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SnapshotLine))]
[JsonSerializable(typeof(ExportCheckpoint))]
[JsonSerializable(typeof(ExportSummary))]
internal sealed partial class ExportJsonContext : JsonSerializerContext;
