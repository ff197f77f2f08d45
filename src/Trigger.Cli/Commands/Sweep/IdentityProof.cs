using Trigger.Aws.Cognito;
using Trigger.Migration.Decisions;
using Trigger.Migration.Ports;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// Decides, without I/O, whether a new-pool user that holds an old user's name is that old user. A name
/// proves nothing: anyone may have signed up with it, and the id map would then hand the old user's data
/// (keyed on the old sub) to them. The proof is the legacy-sub attribute when the new user has one (the
/// trigger and the sweep write the old sub there; nobody else knows it), else a verified email or phone
/// number equal to one the old user had verified (reaching that address took a code sent to it).
/// Names compare under the new pool's case rule: in a case-insensitive pool ALICE is alice.
/// </summary>
/// <param name="legacySubAttribute">The attribute holding the old sub, when configured.</param>
/// <param name="names">The new pool's case rule.</param>
/// <param name="legacySubProves">
/// False when an app client of the new pool may write the legacy-sub attribute: the old sub is in every ID
/// token the old pool issued, so a user who can write the attribute can copy a victim's. A matching value then
/// proves nothing alone (a verified contact must match too); a different value still refutes.
/// </param>
internal sealed class IdentityProof(string? legacySubAttribute, NameRule names, bool legacySubProves = true)
{
    /// <summary>The new pool's case rule.</summary>
    public NameRule Names { get; } = names;

    /// <summary>Whether the new pool takes <paramref name="found"/> and <paramref name="wanted"/> for the same username.</summary>
    // A case-insensitive pool folds names to lower case; OrdinalIgnoreCase folds to upper case, and the two
    // disagree on some letters: KELVIN SIGN lower-cases to "k" (one name with "kim") but upper-cases to itself.
    // The dotless "ı" of "bıll" stays apart from "bill" either way.
    public bool SameName(string? found, string wanted) => Names.Same(found, wanted);

    /// <summary>Null when <paramref name="found"/> is shown to be <paramref name="old"/>; else why not, for the report.</summary>
    public string? Contradiction(OldUser old, AdminGetUserResponse found)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in found.UserAttributes ?? [])
        {
            if (attribute.Value is not null)
            {
                attributes[attribute.Name] = attribute.Value;
            }
        }

        var oldSub = old.Attribute("sub");
        if (legacySubAttribute is not null && attributes.TryGetValue(legacySubAttribute, out var legacy) && legacy.Length > 0)
        {
            if (!string.Equals(legacy, oldSub, StringComparison.Ordinal))
            {
                return $"the new pool's user '{found.Username}' has {legacySubAttribute} {legacy}, not this old user's sub: another user holds the name; not paired in the id map";
            }

            if (legacySubProves)
            {
                return null;
            }
        }

        if (old.HasVerifiedEmail && Verified(attributes, "email", "email_verified") is { } email
            && string.Equals(email, old.Attribute("email"), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (old.HasVerifiedPhone && Verified(attributes, "phone_number", "phone_number_verified") is { } phone
            && string.Equals(phone, old.Attribute("phone_number"), StringComparison.Ordinal))
        {
            return null;
        }

        var legacyHint = legacySubAttribute is null ? " (with --legacy-sub-attribute, a matching old sub also proves it)" : $" nor {legacySubAttribute}";
        return $"the new pool's user '{found.Username}' shares no verified email or phone number with this old user{legacyHint}: "
            + "it may be someone else who took the name; not paired in the id map. Check it by hand (the user may have changed the address since).";
    }

    private static string? Verified(Dictionary<string, string> attributes, string name, string verifiedName) =>
        attributes.TryGetValue(name, out var value) && value.Length > 0
        && attributes.TryGetValue(verifiedName, out var verified) && string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase)
            ? value
            : null;
}
