using Trigger.Cli.Options;
using Trigger.Contract;

namespace Trigger.Cli.Commands.Plan;

/// <summary>One environment variable of the trigger function, as the plan derives it from the pools.</summary>
/// <param name="Name">For example <c>MIGRATION_OLD_CLIENT_ID</c>.</param>
/// <param name="Value">Its value, or a placeholder in angle brackets when the plan cannot know it.</param>
internal sealed record EnvironmentSetting(string Name, string Value);

/// <summary>
/// The function settings (the README's environment contract) that follow from the two pools: what an
/// operator copies into the stack configuration or the function's environment.
/// </summary>
internal static class FunctionEnvironment
{
    public static IReadOnlyList<EnvironmentSetting> Derive(PlanInput input, PoolTarget oldPool, string oldRegion, string? oldClientSecretArn)
    {
        var settings = new List<EnvironmentSetting> { new(TriggerSettingNames.OldUserPoolId, oldPool.PoolId) };
        if (InputRules.RegionOfPoolId(oldPool.PoolId) != oldRegion)
        {
            settings.Add(new(TriggerSettingNames.OldRegion, oldRegion));
        }

        if (oldPool.EndpointOverride is { } endpoint)
        {
            settings.Add(new(TriggerSettingNames.OldEndpointUrl, endpoint.ToString()));
        }

        settings.Add(new(TriggerSettingNames.OldClientId, OldClientId(input)));
        if (oldClientSecretArn is not null)
        {
            settings.Add(new(TriggerSettingNames.OldClientSecretArn, oldClientSecretArn));
        }

        if (oldPool.RoleArn is { } roleArn)
        {
            settings.Add(new(TriggerSettingNames.OldRoleArn, roleArn));
            if (oldPool.ExternalId is not null)
            {
                // The external id is not repeated on screen.
                settings.Add(new(TriggerSettingNames.OldExternalId, "<the --external-id value>"));
            }
        }

        // Not the new pool's sign-in aliases, custom attributes or password policy: the function reads those of
        // the pool itself (DescribeUserPool), and a value written here would freeze them (a custom attribute
        // added later would be dropped). Their variables are overrides, and plan takes none.
        if (input.Renames.Count > 0)
        {
            settings.Add(new(TriggerSettingNames.AttributeRenames, SettingValues.FormatRenames(input.Renames)));
        }

        if (input.FoldIndexTable is { } foldIndex)
        {
            settings.Add(new(TriggerSettingNames.FoldIndexTable, foldIndex));
        }

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
