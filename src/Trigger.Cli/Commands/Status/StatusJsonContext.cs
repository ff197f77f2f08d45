using System.Text.Json.Serialization;

namespace Trigger.Cli.Commands.Status;

/// <summary>Source-generated JSON for <c>status --output json</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(StatusReport))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
