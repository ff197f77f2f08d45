using Trigger.Contract;
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
            [TriggerSettingNames.OldUserPoolId] = oldPool.UserPoolId,
            [TriggerSettingNames.OldClientId] = oldPool.ClientId,
            [TriggerSettingNames.OldRegion] = oldPool.Region,
        };
        if (oldPool.ClientSecretArn is { } secretArn)
        {
            environment[TriggerSettingNames.OldClientSecretArn] = secretArn;
        }

        if (oldPool.CrossAccountRole is { } role)
        {
            environment[TriggerSettingNames.OldRoleArn] = role.RoleArn;
            environment[TriggerSettingNames.OldExternalId] = role.ExternalId;
        }

        // Not the new pool's custom attributes, password policy or sign-in aliases: the function reads those of
        // the pool itself (DescribeUserPool), and writing them would freeze them (a custom attribute added to
        // the pool later would be dropped). Only an explicit functionSettings.aliasAttributes overrides.
        var settings = migration.FunctionSettings;
        if (settings.AliasAttributes is { } aliases)
        {
            environment[TriggerSettingNames.AliasAttributes] = SettingValues.FormatList(aliases);
        }

        if (settings.AttributeRenames.Count > 0)
        {
            environment[TriggerSettingNames.AttributeRenames] = SettingValues.FormatRenames(
                settings.AttributeRenames.OrderBy(pair => pair.Key, StringComparer.Ordinal));
        }

        if (settings.LegacySubAttribute is { } legacySub)
        {
            environment[TriggerSettingNames.LegacySubAttribute] = legacySub;
        }

        if (settings.WeakPasswordAction is { } action)
        {
            environment[TriggerSettingNames.WeakPasswordAction] = action switch
            {
                WeakPasswordAction.Refuse => "refuse",
                WeakPasswordAction.Allow => "allow",
                _ => "reset",
            };
        }

        if (settings.UncarriedMfaAction is { } mfaAction)
        {
            environment[TriggerSettingNames.UncarriedMfaAction] = mfaAction;
        }

        if (settings.SweepKeySecretArn is { } sweepKey)
        {
            environment[TriggerSettingNames.SweepKeySecretArn] = sweepKey;
        }

        if (!migration.CarryGroups)
        {
            environment[TriggerSettingNames.CarryGroups] = "false";
        }

        if (settings.PreSignUpFailOpen is { } failOpen)
        {
            environment[TriggerSettingNames.PreSignUpFailOpen] = failOpen ? "true" : "false";
        }

        return environment;
    }
}
