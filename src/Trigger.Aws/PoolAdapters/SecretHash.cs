using System.Security.Cryptography;
using System.Text;

namespace Trigger.Aws.PoolAdapters;

/// <summary>
/// Cognito's SECRET_HASH for an app client with a secret: Base64(HMAC-SHA256(key: client secret,
/// message: username + client id)), as the Cognito developer guide ("Computing secret hash values") gives it.
/// The username is the one sent in USERNAME. The result is a secret: never log it.
/// </summary>
public static class SecretHash
{
    /// <summary>Computes the hash for <paramref name="username"/> and <paramref name="clientId"/>.</summary>
    public static string Compute(string username, string clientId, string clientSecret)
    {
        var key = Encoding.UTF8.GetBytes(clientSecret);
        var message = Encoding.UTF8.GetBytes(username + clientId);
        return Convert.ToBase64String(HMACSHA256.HashData(key, message));
    }
}
