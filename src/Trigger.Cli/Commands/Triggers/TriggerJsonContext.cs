using System.Text.Json.Serialization;

namespace Trigger.Cli.Commands.Triggers;

/// <summary>Source-generated JSON for <c>enable</c>/<c>disable --output json</c>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(TriggerSwitchReport))]
internal sealed partial class TriggerJsonContext : JsonSerializerContext;
