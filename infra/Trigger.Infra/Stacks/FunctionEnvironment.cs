using System.Globalization;
using Trigger.Infra.Configuration;

namespace Trigger.Infra.Stacks;

/// <summary>
/// The configuration contract of the function, as environment variables (src/Trigger.Function,
/// Configuration/TriggerSettings.cs reads them). A variable is set only when the configuration gives
/// it a value, so the function's own default applies otherwise.
/// </summary>
internal static class FunctionEnvironment
{
    /// <summary>
    /// The variables of one migration. The new pool's id is not among them: a created pool names the
    /// function as its trigger, so the function naming the pool would be a cycle; the function reads
    /// it from the event's userPoolId instead.
    /// </summary>
    public static Dictionary<string, string> Of(MigrationSettings migration)
    {
        var oldPool = migration.OldPool;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MIGRATION_OLD_USER_POOL_ID"] = oldPool.UserPoolId,
            ["MIGRATION_OLD_CLIENT_ID"] = oldPool.ClientId,
            ["MIGRATION_OLD_REGION"] = oldPool.Region,
        };
        if (oldPool.ClientSecretArn is { } secretArn)
        {
            environment["MIGRATION_OLD_CLIENT_SECRET_ARN"] = secretArn;
        }

        if (oldPool.CrossAccountRole is { } role)
        {
            environment["MIGRATION_OLD_ROLE_ARN"] = role.RoleArn;
            environment["MIGRATION_OLD_EXTERNAL_ID"] = role.ExternalId;
        }

        // The function drops every custom attribute not listed here: one unknown attribute would fail
        // the whole migration of that user.
        var custom = migration.NewPool.CustomAttributeNames.Order(StringComparer.Ordinal).Select(name => $"custom:{name}").ToList();
        if (custom.Count > 0)
        {
            environment["MIGRATION_NEW_CUSTOM_ATTRIBUTES"] = string.Join(',', custom);
        }

        if (migration.NewPool.KnownPasswordPolicy is { } policy)
        {
            environment["MIGRATION_NEW_PASSWORD_POLICY"] = PasswordPolicyValue(policy);
        }

        var settings = migration.FunctionSettings;
        if ((settings.AliasAttributes ?? CreatedPoolAliases(migration.NewPool)) is { } aliases)
        {
            environment["MIGRATION_ALIAS_ATTRIBUTES"] = string.Join(',', aliases);
        }

        if (settings.AttributeRenames.Count > 0)
        {
            environment["MIGRATION_ATTRIBUTE_RENAMES"] = string.Join(',', settings.AttributeRenames
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => $"{pair.Key}={pair.Value}"));
        }

        if (settings.LegacySubAttribute is { } legacySub)
        {
            environment["MIGRATION_LEGACY_SUB_ATTRIBUTE"] = legacySub;
        }

        if (settings.WeakPasswordAction is { } action)
        {
            environment["MIGRATION_WEAK_PASSWORD_ACTION"] = action switch
            {
                WeakPasswordAction.Refuse => "refuse",
                WeakPasswordAction.Allow => "allow",
                _ => "reset",
            };
        }

        if (settings.PreSignUpFailOpen is { } failOpen)
        {
            environment["MIGRATION_PRESIGNUP_FAIL_OPEN"] = failOpen ? "true" : "false";
        }

        return environment;
    }

    /// <summary>
    /// The names a user may type into a pool the stack creates are its sign-in aliases: the function looks
    /// each one up in the old pool, whether or not the old pool accepted it. Null when the function's
    /// default (all three) is the same, or when the pool has none (the variable cannot say "none").
    /// </summary>
    private static IReadOnlyList<string>? CreatedPoolAliases(NewPoolSettings newPool)
    {
        if (newPool is not CreatedNewPoolSettings created)
        {
            return null;
        }

        string[] all = ["email", "phone_number", "preferred_username"];
        var aliases = all.Where(created.SignInAliases.Contains).ToList();
        return aliases.Count > 0 && aliases.Count < all.Length ? aliases : null;
    }

    /// <summary><c>min=8,lowercase,uppercase,numbers,symbols</c>, listing only the required classes.</summary>
    internal static string PasswordPolicyValue(PasswordPolicySettings policy)
    {
        var parts = new List<string> { $"min={policy.MinimumLength.ToString(CultureInfo.InvariantCulture)}" };
        if (policy.RequireLowercase)
        {
            parts.Add("lowercase");
        }

        if (policy.RequireUppercase)
        {
            parts.Add("uppercase");
        }

        if (policy.RequireDigits)
        {
            parts.Add("numbers");
        }

        if (policy.RequireSymbols)
        {
            parts.Add("symbols");
        }

        return string.Join(',', parts);
    }
}
