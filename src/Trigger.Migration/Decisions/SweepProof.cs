using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Trigger.Migration.Decisions;

/// <summary>
/// How the sweep proves to the PreSignUp guard that an <c>AdminCreateUser</c> of an old username is its
/// own: it puts <c>v1:&lt;unix seconds&gt;:&lt;HMAC-SHA256&gt;</c> in the call's <c>ClientMetadata</c> under
/// <see cref="MetadataKey"/>, the HMAC keyed with a sweep key only the sweep and the function hold, over
/// the new pool's id, the username and the time. Cognito passes <c>ClientMetadata</c> of AdminCreateUser
/// to the PreSignUp trigger, so the guard can check it; any other AdminCreateUser (an application
/// backend) that claims an unmigrated old user's name is refused like a self-service sign-up.
/// A proof names one user of one pool and expires after <see cref="MaxAge"/>, so a leaked one is worth
/// little. The proof, like the key, is a secret: never log it.
/// </summary>
public static class SweepProof
{
    /// <summary>The <c>ClientMetadata</c> key the proof travels under.</summary>
    public const string MetadataKey = "cognito-migrate-sweep-proof";

    /// <summary>The shortest sweep key accepted, in characters (a random 32-character string or longer).</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>How long after it was made a proof is accepted.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(15);

    /// <summary>How far in the future a proof may be dated (the sweep's clock ahead of the function's).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private const string Version = "v1";

    /// <summary>The proof for creating <paramref name="username"/> in <paramref name="userPoolId"/> at <paramref name="issuedAt"/>.</summary>
    public static string Create(string key, string userPoolId, string username, DateTimeOffset issuedAt)
    {
        var seconds = issuedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{Version}:{seconds}:{Convert.ToBase64String(Mac(key, userPoolId, username, seconds))}";
    }

    /// <summary>
    /// True when <paramref name="proof"/> was made with <paramref name="key"/> for exactly this pool and
    /// username, and is neither older than <see cref="MaxAge"/> nor dated too far ahead of <paramref name="now"/>.
    /// </summary>
    public static bool Verify(string key, string userPoolId, string username, string? proof, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(proof) || string.IsNullOrEmpty(key))
        {
            return false;
        }

        var parts = proof.Split(':');
        if (parts.Length != 3 || parts[0] != Version
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }

        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (issuedAt < now - MaxAge || issuedAt > now + MaxClockSkew)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Mac(key, userPoolId, username, parts[1]));
    }

    // Newlines separate the fields: a pool id or a Cognito username cannot contain one, so no two
    // (pool, username, time) triples give the same message.
    private static byte[] Mac(string key, string userPoolId, string username, string seconds) =>
        HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(key),
            Encoding.UTF8.GetBytes($"cognito-migrate sweep proof {Version}\n{userPoolId}\n{username}\n{seconds}"));
}
