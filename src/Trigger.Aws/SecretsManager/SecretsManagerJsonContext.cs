using System.Text.Json.Serialization;
using Trigger.Aws.Protocol;

namespace Trigger.Aws.SecretsManager;

/// <summary>Source-generated JSON for the Secrets Manager shapes.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(GetSecretValueRequest))]
[JsonSerializable(typeof(GetSecretValueResponse))]
internal sealed partial class SecretsManagerJsonContext : JsonSerializerContext;
