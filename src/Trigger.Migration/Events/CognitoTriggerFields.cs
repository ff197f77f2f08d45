using System.Text.Json.Serialization;

namespace Trigger.Migration.Events;

/// <summary>
/// The fields every Cognito user-pool trigger event carries, and every answer echoes. All may be null in
/// real payloads.
/// </summary>
public abstract record CognitoTriggerFields
{
    /// <summary>Event version.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>What fired the trigger, e.g. <see cref="TriggerSources.MigrationAuthentication"/>.</summary>
    [JsonPropertyName("triggerSource")]
    public string? TriggerSource { get; init; }

    /// <summary>Region of the new pool.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary>The new pool's id.</summary>
    [JsonPropertyName("userPoolId")]
    public string? UserPoolId { get; init; }

    /// <summary>The user name of the event: as typed for a migration, the new username for a sign-up.</summary>
    [JsonPropertyName("userName")]
    public string? UserName { get; init; }

    /// <summary>Caller details.</summary>
    [JsonPropertyName("callerContext")]
    public CallerContext? CallerContext { get; init; }

    /// <summary>A copy of the common fields only, as an answer echoes them.</summary>
    protected CognitoTriggerFields(CognitoTriggerFields source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Version = source.Version;
        TriggerSource = source.TriggerSource;
        Region = source.Region;
        UserPoolId = source.UserPoolId;
        UserName = source.UserName;
        CallerContext = source.CallerContext;
    }

    /// <summary>Empty fields, for deserialization.</summary>
    protected CognitoTriggerFields()
    {
    }
}
