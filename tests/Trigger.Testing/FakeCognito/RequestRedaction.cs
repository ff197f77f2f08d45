using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>Copies a request for the call log with every secret-bearing member replaced by <c>"***"</c>.</summary>
internal static class RequestRedaction
{
    private const string Mask = "***";

    private static readonly HashSet<string> _secretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "SECRET_HASH", "ClientSecret", "SecretString", "SecretBinary", "Session", "AccessToken", "RefreshToken",
        "IdToken", "REFRESH_TOKEN", "REFRESH_TOKEN_AUTH", "DEVICE_KEY", "SRP_A", "ANSWER", "SMS_MFA_CODE",
        "SOFTWARE_TOKEN_MFA_CODE", "ConfirmationCode", "UserCode", "Token",
    };

    public static string Summarize(JsonObject request) => Redact(request)?.ToJsonString() ?? "{}";

    private static JsonNode? Redact(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, IsSecret(p.Key) ? JsonValue.Create(Mask) : Redact(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Redact).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    private static bool IsSecret(string name) =>
        _secretNames.Contains(name) || name.Contains("password", StringComparison.OrdinalIgnoreCase);
}
