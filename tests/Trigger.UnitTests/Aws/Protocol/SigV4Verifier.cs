using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Trigger.UnitTests.Aws;

/// <summary>
/// Test-side check of a SigV4 header signature, written from the AWS Signature Version 4 spec
/// (IAM User Guide, "Create a signed AWS API request"): canonical request, string to sign, derived
/// signing key, signature. It recomputes everything from what arrived on the wire, body included,
/// so a request changed after signing fails.
/// </summary>
internal static class SigV4Verifier
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    public static (bool Valid, string Reason) Verify(
        RecordedRequest request,
        string accessKey,
        string secretKey,
        string region,
        string service,
        string? sessionToken) =>
        Verify(request.Method, request.Path, query: string.Empty, request.Headers, request.Body, accessKey, secretKey, region, service, sessionToken);

    public static (bool Valid, string Reason) Verify(
        string method,
        string path,
        string query,
        IReadOnlyDictionary<string, string> headers,
        byte[] body,
        string accessKey,
        string secretKey,
        string region,
        string service,
        string? sessionToken)
    {
        if (!headers.TryGetValue("Authorization", out var authorization) || !authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return (false, "no SigV4 Authorization header");
        }

        var parts = authorization[(Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);
        if (!parts.TryGetValue("Credential", out var credential)
            || !parts.TryGetValue("SignedHeaders", out var signedHeaderList)
            || !parts.TryGetValue("Signature", out var signature))
        {
            return (false, "Authorization lacks Credential, SignedHeaders or Signature");
        }

        if (!headers.TryGetValue("X-Amz-Date", out var amzDate) || amzDate.Length != 16)
        {
            return (false, "no X-Amz-Date");
        }

        var dateStamp = amzDate[..8];
        var scope = $"{dateStamp}/{region}/{service}/aws4_request";
        if (credential != $"{accessKey}/{scope}")
        {
            return (false, $"credential scope is not {accessKey}/{scope}");
        }

        var signedHeaders = signedHeaderList.Split(';');
        if (!signedHeaders.Contains("host") || !signedHeaders.Contains("x-amz-date"))
        {
            return (false, "host or x-amz-date not signed");
        }

        if (sessionToken is not null
            && (!signedHeaders.Contains("x-amz-security-token")
                || !headers.TryGetValue("X-Amz-Security-Token", out var token)
                || token != sessionToken))
        {
            return (false, "session token missing or not signed");
        }

        var payloadHash = Hex(SHA256.HashData(body));
        if (headers.TryGetValue("X-Amz-Content-SHA256", out var claimedHash) && claimedHash != payloadHash)
        {
            return (false, "body does not match X-Amz-Content-SHA256");
        }

        var canonicalHeaders = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            if (!headers.TryGetValue(name, out var value))
            {
                return (false, $"signed header {name} not sent");
            }

            canonicalHeaders.Append(name).Append(':').Append(CollapseSpaces(value.Trim())).Append('\n');
        }

        var canonicalRequest = string.Join(
            '\n',
            method,
            path.Length == 0 ? "/" : path,
            CanonicalQuery(query),
            canonicalHeaders.ToString(),
            signedHeaderList,
            payloadHash);
        var stringToSign = string.Join('\n', Algorithm, amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), dateStamp);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var expected = Hex(Hmac(key, stringToSign));

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? (true, "ok")
            : (false, "signature mismatch");
    }

    private static string CanonicalQuery(string query) =>
        string.Join('&', query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Name: Uri.EscapeDataString(Uri.UnescapeDataString(pair[0])), Value: Uri.EscapeDataString(Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : string.Empty))))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var character in value)
        {
            if (character == ' ' && builder.Length > 0 && builder[^1] == ' ')
            {
                continue;
            }

            builder.Append(character);
        }

        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);
}
