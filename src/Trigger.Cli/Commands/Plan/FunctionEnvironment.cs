using Trigger.Cli.Common;

namespace Trigger.Cli.Commands.Plan;

/// <summary>One environment variable of the trigger function, as the plan derives it from the pools.</summary>
/// <param name="Name">For example <c>MIGRATION_NEW_PASSWORD_POLICY</c>.</param>
/// <param name="Value">Its value, or a placeholder in angle brackets when the plan cannot know it.</param>
internal sealed record EnvironmentSetting(string Name, string Value);

/// <summary>
/// The function settings (the README's environment contract) that follow from the two pools: what an
/// operator copies into the stack configuration or the function's environment.
/// </summary>
internal static class FunctionEnvironment
{
    private static readonly string[] _aliases = ["email", "phone_number", "preferred_username"];

    public static IReadOnlyList<EnvironmentSetting> Derive(PlanInput input, PoolTarget oldPool, string oldRegion, string? oldClientSecretArn)
    {
        var settings = new List<EnvironmentSetting> { new("MIGRATION_OLD_USER_POOL_ID", oldPool.PoolId) };
        if (InputRules.RegionOfPoolId(oldPool.PoolId) != oldRegion)
        {
            settings.Add(new("MIGRATION_OLD_REGION", oldRegion));
        }

        if (oldPool.EndpointOverride is { } endpoint)
        {
            settings.Add(new("MIGRATION_OLD_ENDPOINT_URL", endpoint.ToString()));
        }

        settings.Add(new("MIGRATION_OLD_CLIENT_ID", OldClientId(input)));
        if (oldClientSecretArn is not null)
        {
            settings.Add(new("MIGRATION_OLD_CLIENT_SECRET_ARN", oldClientSecretArn));
        }

        if (oldPool.RoleArn is { } roleArn)
        {
            settings.Add(new("MIGRATION_OLD_ROLE_ARN", roleArn));
            if (oldPool.ExternalId is not null)
            {
                // The external id is not repeated on screen.
                settings.Add(new("MIGRATION_OLD_EXTERNAL_ID", "<the --external-id value>"));
            }
        }

        // The names a user may type are the new pool's: the trigger looks each one up in the old pool,
        // whether or not the old pool let anyone sign in with it (ListUsers filters on all three in any pool).
        // The trigger's default is all three, so the setting is printed only when it narrows that; a new
        // pool with no alias keeps the default, as the variable has no way to say "none".
        var newNames = SignInNames.Of(input.NewPool).Attributes;
        var aliases = _aliases.Where(a => newNames.Contains(a, StringComparer.Ordinal)).ToList();
        if (aliases.Count > 0 && aliases.Count < _aliases.Length)
        {
            settings.Add(new("MIGRATION_ALIAS_ATTRIBUTES", string.Join(',', aliases)));
        }

        if (input.Renames.Count > 0)
        {
            settings.Add(new("MIGRATION_ATTRIBUTE_RENAMES", string.Join(',', input.Renames.Select(r => $"{r.Key}={r.Value}"))));
        }

        var custom = (input.NewPool.SchemaAttributes ?? [])
            .Select(a => a.Name)
            .OfType<string>()
            .Where(n => n.StartsWith("custom:", StringComparison.Ordinal))
            .ToList();
        if (custom.Count > 0)
        {
            settings.Add(new("MIGRATION_NEW_CUSTOM_ATTRIBUTES", string.Join(',', custom)));
        }

        settings.Add(new("MIGRATION_NEW_PASSWORD_POLICY", PasswordRules.Of(input.NewPool).ToSetting()));
        return settings;
    }

    private static string OldClientId(PlanInput input)
    {
        if (input.OldClientId is { } given)
        {
            return given;
        }

        // The one client the trigger could use; one without a secret wins (no SECRET_HASH needed).
        var candidates = input.OldClients.Where(AuthFlows.AllowsAdminPassword).ToList();
        var withoutSecret = candidates.Where(c => !c.HasClientSecret).ToList();
        var pick = withoutSecret.Count == 1 ? withoutSecret[0] : candidates.Count == 1 ? candidates[0] : null;
        return pick?.ClientId ?? "<an old app client with ALLOW_ADMIN_USER_PASSWORD_AUTH>";
    }
}
