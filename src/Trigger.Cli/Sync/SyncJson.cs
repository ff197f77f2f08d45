using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trigger.Cli.Sync;

/// <summary>Source-generated JSON for the sync's checkpoint, freshness file and report.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SyncCheckpoint))]
[JsonSerializable(typeof(SyncFreshness))]
[JsonSerializable(typeof(SyncReport))]
internal sealed partial class SyncJsonContext : JsonSerializerContext;

/// <summary>The sync's JSON options, as the sweep's: camelCase, nulls left out, non-ASCII kept readable.</summary>
internal static class SyncJson
{
    public static SyncJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static SyncJsonContext Indented { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    });
}
