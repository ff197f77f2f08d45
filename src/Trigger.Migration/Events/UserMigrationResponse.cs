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
public sealed record UserMigrationResult : CognitoTriggerFields
{
    /// <summary>The answer Cognito reads.</summary>
    [JsonPropertyName("response")]
    public required UserMigrationResponse Response { get; init; }

    /// <summary>Builds the envelope for <paramref name="trigger"/> with <paramref name="response"/>.</summary>
    public static UserMigrationResult For(UserMigrationEvent trigger, UserMigrationResponse response) => new(trigger, response);

    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    private UserMigrationResult(CognitoTriggerFields trigger, UserMigrationResponse response)
        : base(trigger) => Response = response;

    /// <summary>For deserialization.</summary>
    [JsonConstructor]
    public UserMigrationResult()
    {
    }
}
