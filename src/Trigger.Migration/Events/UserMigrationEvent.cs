using System.Text.Json.Serialization;

namespace Trigger.Migration.Events;

/// <summary>
/// The <c>UserMigration</c> trigger event. Every optional field tolerates <c>null</c>, which real payloads
/// carry for unset fields. The request holds the plaintext password: never log this object.
/// </summary>
public sealed record UserMigrationEvent
{
    /// <summary>Event version.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary><see cref="TriggerSources.MigrationAuthentication"/> or <see cref="TriggerSources.MigrationForgotPassword"/>.</summary>
    [JsonPropertyName("triggerSource")]
    public string? TriggerSource { get; init; }

    /// <summary>Region of the new pool.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary>The new pool's id.</summary>
    [JsonPropertyName("userPoolId")]
    public string? UserPoolId { get; init; }

    /// <summary>The sign-in name exactly as typed: a username or an alias (email, phone, preferred_username).</summary>
    [JsonPropertyName("userName")]
    public string? UserName { get; init; }

    /// <summary>Caller details.</summary>
    [JsonPropertyName("callerContext")]
    public CallerContext? CallerContext { get; init; }

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
