using System.Text.Json.Serialization;

namespace Trigger.Migration.Events;

/// <summary>
/// The <c>UserMigration</c> trigger event. Every optional field tolerates <c>null</c>, which real payloads
/// carry for unset fields. The request holds the plaintext password: never log this object.
/// </summary>
public sealed record UserMigrationEvent : CognitoTriggerFields
{
    /// <summary>The request part.</summary>
    [JsonPropertyName("request")]
    public UserMigrationRequest? Request { get; init; }
}

/// <summary>The request part of a <see cref="UserMigrationEvent"/>.</summary>
public sealed record UserMigrationRequest
{
    /// <summary>The plaintext password; absent for forgot-password. Never log it.</summary>
    [JsonPropertyName("password")]
    public string? Password { get; init; }

    /// <summary>Validation data the client sent, if any.</summary>
    [JsonPropertyName("validationData")]
    public Dictionary<string, string?>? ValidationData { get; init; }

    /// <summary>Client metadata the client sent, if any.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string?>? ClientMetadata { get; init; }
}
