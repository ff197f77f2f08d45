using System.Text.Json.Serialization;

namespace Trigger.Migration.Events;

/// <summary>Only the field the dispatcher needs to choose a handler; the rest of the event is ignored here.</summary>
public sealed record TriggerEnvelope
{
    /// <summary>The <c>triggerSource</c>, or null when the event has none.</summary>
    [JsonPropertyName("triggerSource")]
    public string? TriggerSource { get; init; }
}
