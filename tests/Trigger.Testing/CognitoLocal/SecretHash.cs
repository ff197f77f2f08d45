using System.Security.Cryptography;
using System.Text;

namespace Trigger.Testing;

/// <summary>
/// Cognito's SECRET_HASH: Base64(HMAC-SHA256(key: client secret, message: username + client id))
/// (Cognito developer guide, "Computing secret hash values").
/// </summary>
public static class SecretHash
{
    /// <summary>Computes the SECRET_HASH for <paramref name="username"/> as typed at sign-in.</summary>
    public static string Compute(string username, string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(username + clientId));
        return Convert.ToBase64String(mac);
    }
}
