using System.Text.Json;

namespace Trigger.Testing.Lambda;

/// <summary>An invocation's event: its bytes, checked to be JSON, and the two fields the shims read.</summary>
/// <param name="Body">The event as sent to the runtime.</param>
/// <param name="TriggerSource">The Cognito <c>triggerSource</c>, when the event is a Cognito trigger event.</param>
/// <param name="UserName">The Cognito <c>userName</c> (the name the user typed), when present.</param>
internal sealed record InvocationEvent(byte[] Body, string? TriggerSource, string? UserName)
{
    /// <summary>Parses <paramref name="body"/>; null with <paramref name="problem"/> set when it is not JSON.</summary>
    public static InvocationEvent? TryParse(byte[] body, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            problem = null;
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? new InvocationEvent(body, StringProperty(root, "triggerSource"), StringProperty(root, "userName"))
                : new InvocationEvent(body, null, null);
        }
        catch (JsonException exception)
        {
            // The parser names line and position (and at most the one offending character).
            problem = exception.Message;
            return null;
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
