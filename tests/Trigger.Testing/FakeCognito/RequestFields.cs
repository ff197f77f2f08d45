using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>Reads request members the way Cognito validates them (a missing one is an InvalidParameterException).</summary>
internal static class RequestFields
{
    public static string Required(JsonObject request, string name)
    {
        var value = Optional(request, name);
        if (string.IsNullOrEmpty(value))
        {
            // The shape of Cognito's own validation message.
            throw CognitoFault.InvalidParameter(
                $"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");
        }

        return value;
    }

    public static string? Optional(JsonObject request, string name) =>
        request[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static int? OptionalInt(JsonObject request, string name) =>
        request[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    public static bool OptionalBool(JsonObject request, string name) =>
        request[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    public static IReadOnlyList<string> Strings(JsonObject request, string name) =>
        request[name] is JsonArray array ? array.Select(n => n?.GetValue<string>()).OfType<string>().ToList() : [];

    public static Dictionary<string, string> Attributes(JsonObject request, string name)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request[name] is not JsonArray array)
        {
            return attributes;
        }

        foreach (var item in array.OfType<JsonObject>())
        {
            var attributeName = Optional(item, "Name") ?? throw CognitoFault.InvalidParameter($"An entry of {name} has no Name.");
            attributes[attributeName] = Optional(item, "Value") ?? string.Empty;
        }

        return attributes;
    }

    public static JsonArray AttributeArray(IEnumerable<KeyValuePair<string, string>> attributes) =>
        new(attributes.Select(a => (JsonNode?)new JsonObject { ["Name"] = a.Key, ["Value"] = a.Value }).ToArray());
}
