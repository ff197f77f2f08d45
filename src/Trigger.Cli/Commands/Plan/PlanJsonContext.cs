using System.Text.Json.Serialization;

namespace Trigger.Cli.Commands.Plan;

/// <summary>Source-generated JSON for <c>plan --output json</c>: camelCase, indented, enums as words.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(PlanReport))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
