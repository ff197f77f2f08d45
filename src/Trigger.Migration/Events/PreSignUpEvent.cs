using System.Text.Json.Serialization;

namespace Trigger.Migration.Events;

/// <summary>The <c>PreSignUp</c> trigger event, null-tolerant like <see cref="UserMigrationEvent"/>.</summary>
public sealed record PreSignUpEvent : CognitoTriggerFields
{
    /// <summary>The request part.</summary>
    [JsonPropertyName("request")]
    public PreSignUpRequest? Request { get; init; }
}

/// <summary>The request part of a <see cref="PreSignUpEvent"/>.</summary>
public sealed record PreSignUpRequest
{
    /// <summary>The attributes the new user asks for.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string?>? UserAttributes { get; init; }

    /// <summary>Validation data, if any.</summary>
    [JsonPropertyName("validationData")]
    public Dictionary<string, string?>? ValidationData { get; init; }

    /// <summary>Client metadata, if any.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string?>? ClientMetadata { get; init; }
}

/// <summary>The guard's answer when it lets a sign-up through: it never confirms or verifies on its own.</summary>
public sealed record PreSignUpResponse
{
    /// <summary>Always false: the guard does not confirm users.</summary>
    [JsonPropertyName("autoConfirmUser")]
    public bool AutoConfirmUser { get; init; }

    /// <summary>Always false: the guard does not verify emails.</summary>
    [JsonPropertyName("autoVerifyEmail")]
    public bool AutoVerifyEmail { get; init; }

    /// <summary>Always false: the guard does not verify phones.</summary>
    [JsonPropertyName("autoVerifyPhone")]
    public bool AutoVerifyPhone { get; init; }
}

/// <summary>The envelope returned to Cognito for a <see cref="PreSignUpEvent"/> that passes the guard.</summary>
public sealed record PreSignUpResult : CognitoTriggerFields
{
    /// <summary>The answer Cognito reads.</summary>
    [JsonPropertyName("response")]
    public PreSignUpResponse Response { get; init; } = new();

    /// <summary>Builds the pass-through envelope for <paramref name="trigger"/>.</summary>
    public static PreSignUpResult Allow(PreSignUpEvent trigger) => new(trigger);

    private PreSignUpResult(CognitoTriggerFields trigger)
        : base(trigger)
    {
    }

    /// <summary>For deserialization.</summary>
    [JsonConstructor]
    public PreSignUpResult()
    {
    }
}
