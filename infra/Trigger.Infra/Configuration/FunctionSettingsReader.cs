using System.Text.RegularExpressions;
using Trigger.Contract;

namespace Trigger.Infra.Configuration;

/// <summary>
/// Reads a migration's optional <c>functionSettings</c> against its new pool: a setting the function
/// would reject at init, or one that would silently do nothing, stops synthesis here instead.
/// </summary>
internal static partial class FunctionSettingsReader
{
    // Verification flags are written through the same attribute list as the schema's standard attributes.
    private static readonly HashSet<string> _writableStandardNames =
        new(MigrationConfigReader.StandardAttributeNames.Append("email_verified").Append("phone_number_verified"), StringComparer.Ordinal);

    [GeneratedRegex("^custom:[A-Za-z0-9_-]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex CustomAttributePattern();

    // What an old pool's user can carry besides Cognito's own (sub, identities, cognito:*).
    [GeneratedRegex("^(?:dev:)?custom:[A-Za-z0-9_-]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex OldCustomAttributePattern();

    [GeneratedRegex("^(reset|refuse|allow)$", RegexOptions.CultureInvariant)]
    private static partial Regex WeakPasswordActionPattern();

    public static FunctionSettings Read(ConfigSection entry, NewPoolSettings newPool)
    {
        if (entry.OptionalSection("functionSettings") is not { } section)
        {
            return FunctionSettings.None;
        }

        var aliases = ReadAliases(section);
        if (aliases is not null && newPool is CreatedNewPoolSettings created
            && created.SignInAliases.FirstOrDefault(alias => !aliases.Contains(alias, StringComparer.Ordinal)) is { } missing)
        {
            throw section.Error("aliasAttributes", $"leaves out \"{missing}\", which the created pool accepts as a sign-in name (newPool.create.signInAliases): a user who types it would not be migrated");
        }

        var renames = ReadRenames(section, newPool);
        var legacySub = ReadLegacySub(section, newPool);
        var weakPasswordAction = section.OptionalString("weakPasswordAction", WeakPasswordActionPattern(), "reset, refuse or allow");
        var uncarriedMfaAction = section.OptionalString("uncarriedMfaAction", WeakPasswordActionPattern(), "reset, refuse or allow");
        var sweepKeySecretArn = section.OptionalString("sweepKeySecretArn", AwsIdentifierRules.SecretArnPattern(), "a full Secrets Manager secret ARN (with its six-character suffix)");
        var failOpen = section.OptionalBool("preSignUpFailOpen");
        if (failOpen is not null && newPool is ExistingNewPoolSettings { PreSignUpGuard: false })
        {
            throw section.Error("preSignUpFailOpen", "has no effect: newPool.existing.preSignUpGuard is false");
        }

        section.RejectUnknownKeys();
        return new FunctionSettings
        {
            AliasAttributes = aliases,
            AttributeRenames = renames,
            LegacySubAttribute = legacySub,
            WeakPasswordAction = weakPasswordAction switch
            {
                null => null,
                "refuse" => WeakPasswordAction.Refuse,
                "allow" => WeakPasswordAction.Allow,
                _ => WeakPasswordAction.Reset,
            },
            PreSignUpFailOpen = failOpen,
            UncarriedMfaAction = uncarriedMfaAction,
            SweepKeySecretArn = sweepKeySecretArn,
        };
    }

    private static List<string>? ReadAliases(ConfigSection section)
    {
        if (section.OptionalStrings("aliasAttributes") is not { } aliases)
        {
            return null;
        }

        if (aliases.Count == 0)
        {
            // The function reads an empty variable as unset, which means all three.
            throw section.Error("aliasAttributes", "is empty: list at least one of email, phone_number, preferred_username, or leave it out for all three");
        }

        foreach (var alias in aliases)
        {
            if (!SignInAliasNames.IsAlias(alias))
            {
                throw section.Error("aliasAttributes", $"holds \"{alias}\", which is not email, phone_number or preferred_username");
            }
        }

        return aliases.Distinct(StringComparer.Ordinal).Count() == aliases.Count
            ? [.. aliases]
            : throw section.Error("aliasAttributes", "lists an alias twice");
    }

    private static Dictionary<string, string> ReadRenames(ConfigSection section, NewPoolSettings newPool)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (section.OptionalSection("attributeRenames") is not { } members)
        {
            return renames;
        }

        foreach (var (oldName, newName) in members.StringMembers())
        {
            if (oldName == "sub")
            {
                throw members.Error(oldName, "cannot be renamed: Cognito assigns every user a new sub; keep the old one with functionSettings.legacySubAttribute");
            }

            if (!_writableStandardNames.Contains(oldName) && !OldCustomAttributePattern().IsMatch(oldName))
            {
                throw members.Error(oldName, "is not an attribute name (a standard attribute, custom:<name> or dev:custom:<name>)");
            }

            if (CustomAttributePattern().IsMatch(newName))
            {
                if (!newPool.CustomAttributeNames.Contains(newName["custom:".Length..], StringComparer.Ordinal))
                {
                    throw members.Error(oldName, $"renames to \"{newName}\", which is not among the new pool's custom attributes ({newPool.CustomAttributesPath}): the function would drop it");
                }
            }
            else if (!_writableStandardNames.Contains(newName))
            {
                throw members.Error(oldName, $"renames to \"{newName}\", which is not a standard attribute or custom:<name>");
            }

            if (renames.FirstOrDefault(pair => pair.Value == newName).Key is { } other)
            {
                throw members.Error(oldName, $"renames to \"{newName}\" as {other} does: one new attribute takes one old one");
            }

            renames[oldName] = newName;
        }

        // The function refuses the same renames at init (the contract's one rule set): say so at synth instead.
        return RenameRules.Problem(renames) is { } problem
            ? throw section.Error("attributeRenames", problem)
            : renames;
    }

    private static string? ReadLegacySub(ConfigSection section, NewPoolSettings newPool)
    {
        if (section.OptionalString("legacySubAttribute", CustomAttributePattern(), "a custom attribute (custom:<name>)") is not { } attribute)
        {
            return null;
        }

        var name = attribute["custom:".Length..];
        if (!newPool.CustomAttributeNames.Contains(name, StringComparer.Ordinal))
        {
            throw section.Error("legacySubAttribute", $"\"{attribute}\" is not among the new pool's custom attributes ({newPool.CustomAttributesPath}): Cognito would refuse every migration");
        }

        if (newPool is CreatedNewPoolSettings created && created.CustomAttributes[name].Type != CustomAttributeType.String)
        {
            throw section.Error("legacySubAttribute", $"\"{attribute}\" is a {created.CustomAttributes[name].Type} attribute: the old sub is a String");
        }

        return attribute;
    }
}
