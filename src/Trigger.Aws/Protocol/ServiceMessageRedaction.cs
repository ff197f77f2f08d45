using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Trigger.Aws.Protocol;

/// <summary>
/// Makes a service's error text safe for an exception message. AWS validation messages can echo
/// request values, and emulators or proxies may echo more, so every value the request carried as a
/// secret is cut out, token-shaped strings too, control characters are flattened (no forged log
/// lines) and the rest is capped in length. A service that echoes our JSON body shows a secret in its
/// JSON-escaped form (<c>+</c> as <c>\u002B</c>), so that form is cut out too. Redaction happens
/// before the cut so no secret is split.
/// </summary>
internal static partial class ServiceMessageRedaction
{
    public const string Redacted = "[redacted]";
    private const int MaxLength = 300;

    public static string? Redact(string? message, IReadOnlyCollection<string> secrets)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var text = message;
        var forms = secrets
            .Where(s => s.Length > 0)
            .SelectMany(s => new[] { s, JsonEncodedText.Encode(s).ToString() })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length);
        foreach (var secret in forms)
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        text = JwtShaped().Replace(text, Redacted);

        var flat = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        foreach (var character in text)
        {
            if (flat.Length > MaxLength)
            {
                break;
            }

            flat.Append(char.IsControl(character) ? ' ' : character);
        }

        var result = flat.ToString().Trim();
        return result.Length > MaxLength ? string.Concat(result.AsSpan(0, MaxLength), "...") : result;
    }

    // Three base64url segments starting with a JSON header: ID, access and refresh tokens look like this.
    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex JwtShaped();
}
