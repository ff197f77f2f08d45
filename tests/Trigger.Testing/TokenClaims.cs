using System.Text;
using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>Reads the claims of a JWT the emulator issued (no signature check: the tests only read what it says).</summary>
public static class TokenClaims
{
    /// <summary>The token's payload object.</summary>
    public static JsonObject Read(string jwt)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            throw new FormatException($"A JWT has three dot-separated parts; this one has {parts.Length}.");
        }

        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))!.AsObject();
    }

    /// <summary>The token's <c>cognito:groups</c>, sorted; empty when the claim is absent.</summary>
    public static IReadOnlyList<string> Groups(string jwt) =>
        [.. (Read(jwt)["cognito:groups"]?.AsArray() ?? []).Select(g => g!.GetValue<string>()).Order(StringComparer.Ordinal)];
}
