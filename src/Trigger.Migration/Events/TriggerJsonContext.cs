using System.Text.Json.Serialization;

namespace Trigger.Migration.Events;

/// <summary>Source-generated serialization for every event and response: no reflection, trim- and AOT-safe.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(TriggerEnvelope))]
[JsonSerializable(typeof(UserMigrationEvent))]
[JsonSerializable(typeof(UserMigrationResult))]
[JsonSerializable(typeof(PreSignUpEvent))]
[JsonSerializable(typeof(PreSignUpResult))]
[JsonSerializable(typeof(PostAuthenticationEvent))]
[JsonSerializable(typeof(PostAuthenticationResult))]
[JsonSerializable(typeof(PreTokenGenerationEvent))]
[JsonSerializable(typeof(PreTokenGenerationResult))]
public sealed partial class TriggerJsonContext : JsonSerializerContext;
