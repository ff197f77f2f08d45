using Trigger.Aws.Cognito;

namespace Trigger.Cli.Commands.Sync;

/// <summary>
/// The attribute changes that bring a standby user level with the primary, without I/O. Every mapped
/// attribute whose value differs is written. A verification flag is written only as <c>true</c>, and only
/// when the primary has that very address verified: the primary vouches for it. The sync never writes a
/// flag false and never invents one; a changed email or phone the primary has not verified goes without
/// its flag, so the standby marks it unverified itself (as Cognito does for any changed address).
/// Attributes the standby has and the primary lacks are left alone (never deleted).
/// </summary>
internal static class SyncAttributeDiff
{
    private static readonly (string Contact, string Flag)[] _contacts = [("email", "email_verified"), ("phone_number", "phone_number_verified")];

    /// <summary>Whether <paramref name="name"/> is a verification flag the sync treats apart.</summary>
    public static bool IsVerificationFlag(string name) => name is "email_verified" or "phone_number_verified";

    /// <summary>The attributes to write, in name order; empty when the standby is current.</summary>
    /// <param name="primary">The primary user's attributes, mapped for the standby (renames applied, reserved names left out).</param>
    /// <param name="standbyHas">Whether the standby user holds that name with exactly that value.</param>
    public static IReadOnlyList<AttributeType> Compute(IReadOnlyDictionary<string, string> primary, Func<string, string, bool> standbyHas)
    {
        var changes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in primary)
        {
            // An empty value would erase the standby's; the primary has no such attribute in effect.
            if (value.Length == 0 || IsVerificationFlag(name) || standbyHas(name, value))
            {
                continue;
            }

            changes[name] = value;
        }

        foreach (var (contact, flag) in _contacts)
        {
            var vouched = primary.TryGetValue(flag, out var verified) && string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase)
                && primary.TryGetValue(contact, out var address) && address.Length > 0;
            if (vouched && (changes.ContainsKey(contact) || !standbyHas(flag, "true")))
            {
                changes[flag] = "true";
            }
        }

        return [.. changes.Select(c => new AttributeType { Name = c.Key, Value = c.Value })];
    }

    /// <summary>The same comparison against a standby user's full attribute list.</summary>
    public static IReadOnlyList<AttributeType> Compute(IReadOnlyDictionary<string, string> primary, IReadOnlyList<AttributeType>? standby)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in standby ?? [])
        {
            if (attribute.Value is not null)
            {
                values[attribute.Name] = attribute.Value;
            }
        }

        return Compute(primary, (name, value) => values.TryGetValue(name, out var held) && string.Equals(held, value, StringComparison.Ordinal));
    }
}
