using System.Text.Json.Serialization;

namespace Trigger.Migration.Events;

/// <summary>
/// What the function answers to a <see cref="UserMigrationEvent"/>: only the fields Cognito reads.
/// An empty response (no attributes) tells Cognito the user does not exist, which the client sees as
/// a wrong password when the new pool prevents user-existence errors.
/// </summary>
public sealed record UserMigrationResponse
{
    /// <summary>The user's attributes in the new pool. Null for a refusal.</summary>
    [JsonPropertyName("userAttributes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? UserAttributes { get; init; }

    /// <summary><c>CONFIRMED</c> or <c>RESET_REQUIRED</c>.</summary>
    [JsonPropertyName("finalUserStatus")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FinalUserStatus { get; init; }

    /// <summary><c>SUPPRESS</c> for a silent migration.</summary>
    [JsonPropertyName("messageAction")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MessageAction { get; init; }

    /// <summary>Whether Cognito should turn on SMS MFA for the migrated user.</summary>
    [JsonPropertyName("enableSMSMFA")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? EnableSmsMfa { get; init; }

    /// <summary>Always false: an alias already taken in the new pool fails the migration instead of moving it.</summary>
    [JsonPropertyName("forceAliasCreation")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ForceAliasCreation { get; init; }

    /// <summary>The refusal: no attributes, so Cognito treats the sign-in name as unknown.</summary>
    public static UserMigrationResponse Refusal { get; } = new();
}

/// <summary>The envelope returned to Cognito: the event's common fields and the response, never the request.</summary>
public sealed record UserMigrationResult
{
    /// <summary>Event version, echoed.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>Trigger source, echoed.</summary>
    [JsonPropertyName("triggerSource")]
    public string? TriggerSource { get; init; }

    /// <summary>Region, echoed.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary>New pool id, echoed.</summary>
    [JsonPropertyName("userPoolId")]
    public string? UserPoolId { get; init; }

    /// <summary>Sign-in name, echoed.</summary>
    [JsonPropertyName("userName")]
    public string? UserName { get; init; }

    /// <summary>Caller context, echoed.</summary>
    [JsonPropertyName("callerContext")]
    public CallerContext? CallerContext { get; init; }

    /// <summary>The answer Cognito reads.</summary>
    [JsonPropertyName("response")]
    public required UserMigrationResponse Response { get; init; }

    /// <summary>Builds the envelope for <paramref name="trigger"/> with <paramref name="response"/>.</summary>
    public static UserMigrationResult For(UserMigrationEvent trigger, UserMigrationResponse response) => new()
    {
        Version = trigger.Version,
        TriggerSource = trigger.TriggerSource,
        Region = trigger.Region,
        UserPoolId = trigger.UserPoolId,
        UserName = trigger.UserName,
        CallerContext = trigger.CallerContext,
        Response = response,
    };
}
