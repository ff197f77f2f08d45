using System.Text.Json.Serialization;

namespace Trigger.Migration.Events;

/// <summary>The <c>PostAuthentication</c> trigger event, null-tolerant like <see cref="UserMigrationEvent"/>.</summary>
public sealed record PostAuthenticationEvent : CognitoTriggerFields
{
    /// <summary>The request part.</summary>
    [JsonPropertyName("request")]
    public PostAuthenticationRequest? Request { get; init; }
}

/// <summary>The request part of a <see cref="PostAuthenticationEvent"/>.</summary>
public sealed record PostAuthenticationRequest
{
    /// <summary>The signed-in user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string?>? UserAttributes { get; init; }

    /// <summary>Whether the user signed in on a new device (set only with remembered devices).</summary>
    [JsonPropertyName("newDeviceUsed")]
    public bool? NewDeviceUsed { get; init; }

    /// <summary>Client metadata, if any.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string?>? ClientMetadata { get; init; }
}

/// <summary>Cognito expects nothing back from PostAuthentication but an empty response object.</summary>
public sealed record PostAuthenticationResponse;

/// <summary>The envelope returned to Cognito for a <see cref="PostAuthenticationEvent"/>: the common fields and an empty response.</summary>
public sealed record PostAuthenticationResult : CognitoTriggerFields
{
    /// <summary>The (empty) answer Cognito reads.</summary>
    [JsonPropertyName("response")]
    public PostAuthenticationResponse Response { get; init; } = new();

    /// <summary>Builds the answer for <paramref name="trigger"/>.</summary>
    public static PostAuthenticationResult For(PostAuthenticationEvent trigger) => new(trigger);

    private PostAuthenticationResult(CognitoTriggerFields trigger)
        : base(trigger)
    {
    }

    /// <summary>For deserialization.</summary>
    [JsonConstructor]
    public PostAuthenticationResult()
    {
    }
}
