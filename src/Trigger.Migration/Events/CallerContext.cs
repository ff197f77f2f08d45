using System.Text.Json.Serialization;

namespace Trigger.Migration.Events;

/// <summary>Who called Cognito: the SDK version and the app client id. Both may be null in real payloads.</summary>
public sealed record CallerContext
{
    /// <summary>The caller's SDK version.</summary>
    [JsonPropertyName("awsSdkVersion")]
    public string? AwsSdkVersion { get; init; }

    /// <summary>The app client of the new pool the user signed in through.</summary>
    [JsonPropertyName("clientId")]
    public string? ClientId { get; init; }
}
