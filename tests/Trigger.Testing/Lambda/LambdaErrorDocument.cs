using System.Text;
using System.Text.Json;

namespace Trigger.Testing.Lambda;

/// <summary>
/// Lambda's error document, <c>{"errorMessage": ..., "errorType": ...}</c>: what the Runtime API
/// answers on a refused call and what an Invoke caller receives for a function error.
/// </summary>
internal static class LambdaErrorDocument
{
    /// <summary>Writes the document for <paramref name="errorType"/> and <paramref name="errorMessage"/>.</summary>
    public static string Create(string errorType, string errorMessage) =>
        JsonObject(("errorMessage", errorMessage), ("errorType", errorType));

    /// <summary>Reads type and message from a runtime's error post; nulls when the body is not such a document.</summary>
    public static (string? Type, string? Message) Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            return (StringProperty(document.RootElement, "errorType"), StringProperty(document.RootElement, "errorMessage"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    /// <summary>A flat JSON object of string properties.</summary>
    public static string JsonObject(params (string Name, string Value)[] properties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
