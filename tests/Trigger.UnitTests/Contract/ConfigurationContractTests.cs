using Trigger.Contract;
using Trigger.Function.Configuration;
using Trigger.Infra.Configuration;
using Trigger.Infra.Stacks;
using Trigger.Migration.Decisions;
using Trigger.Migration.Ports;
using Trigger.Testing;

namespace Trigger.UnitTests.Function;

/// <summary>
/// One contract, checked from both ends: the variables the CDK app writes for each configured migration are
/// read by the function's own settings reader, and mean what the configuration said.
/// </summary>
public sealed class ConfigurationContractTests
{
    // The variables the theory below reads back and compares.
    private static readonly string[] _compared =
    [
        TriggerSettingNames.OldUserPoolId, TriggerSettingNames.OldClientId, TriggerSettingNames.OldRegion,
        TriggerSettingNames.OldClientSecretArn, TriggerSettingNames.OldRoleArn, TriggerSettingNames.OldExternalId,
        TriggerSettingNames.AliasAttributes, TriggerSettingNames.AttributeRenames, TriggerSettingNames.NewCustomAttributes,
        TriggerSettingNames.LegacySubAttribute, TriggerSettingNames.NewPasswordPolicy, TriggerSettingNames.WeakPasswordAction,
        TriggerSettingNames.UncarriedMfaAction, TriggerSettingNames.SweepKeySecretArn, TriggerSettingNames.PreSignUpFailOpen,
    ];

    public static TheoryData<string> ConfiguredMigrations()
    {
        var data = new TheoryData<string>();
        foreach (var migration in ReadMigrations())
        {
            data.Add(migration.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ConfiguredMigrations))]
    public void Load_WhatTheCdkAppWritesForAConfiguredMigration_ReadsBackTheSameSettings(string name)
    {
        var migration = ReadMigrations().Single(m => m.Name == name);
        var environment = FunctionEnvironment.Of(migration);

        var settings = TriggerSettings.Load(environment.GetValueOrDefault);

        Assert.Equal(migration.OldPool.UserPoolId, settings.OldUserPoolId);
        Assert.Equal(migration.OldPool.ClientId, settings.OldClientId);
        Assert.Equal(migration.OldPool.Region, settings.OldRegion);
        Assert.Equal(migration.OldPool.ClientSecretArn, settings.OldClientSecretArn);
        Assert.Equal(migration.OldPool.CrossAccountRole?.RoleArn, settings.OldRoleArn);
        Assert.Equal(migration.OldPool.CrossAccountRole?.ExternalId, settings.OldExternalId);
        // The new pool's aliases, custom attributes and policy come from the pool itself (DescribeUserPool) unless
        // overridden: compare what the function runs with once it has read the pool the configuration describes.
        var pool = ProfileOf(migration.NewPool);
        var running = settings.Migration.For(pool);
        var expectedAliases = migration.FunctionSettings.AliasAttributes
            ?? (pool.SignInAttributes.Count > 0 ? pool.SignInAttributes : SignInAliasNames.All);
        Assert.Equal(expectedAliases, running.AliasAttributes);
        Assert.Equal(
            migration.FunctionSettings.AttributeRenames.OrderBy(p => p.Key, StringComparer.Ordinal),
            settings.Migration.Attributes.Renames.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(
            migration.NewPool.CustomAttributeNames.Select(n => "custom:" + n).Order(StringComparer.Ordinal),
            running.Attributes.NewCustomAttributes.Order(StringComparer.Ordinal));
        Assert.Equal(migration.FunctionSettings.LegacySubAttribute, settings.Migration.Attributes.LegacySubAttribute);
        // One password-policy type: what the CDK app configured is what the function checks.
        Assert.Equal(migration.NewPool.KnownPasswordPolicy, running.NewPasswordPolicy);
        Assert.Equal(
            (migration.FunctionSettings.WeakPasswordAction ?? Trigger.Infra.Configuration.WeakPasswordAction.Reset).ToString(),
            settings.Migration.WeakPasswordAction.ToString());
        Assert.Equal(migration.FunctionSettings.UncarriedMfaAction ?? "reset", settings.Migration.UncarriedMfaAction.ToString().ToLowerInvariant());
        Assert.Equal(migration.FunctionSettings.SweepKeySecretArn, settings.SweepKeySecretArn);
        Assert.Equal(migration.FunctionSettings.PreSignUpFailOpen ?? false, settings.PreSignUpFailOpen);
        // A variable the CDK app starts writing must join the comparisons above.
        Assert.Empty(environment.Keys.Except(_compared, StringComparer.Ordinal));
    }

    [Fact]
    public void ConfiguredMigrations_TheRepositorysFile_HasEveryKindOfNewPoolAndSetting()
    {
        var migrations = ReadMigrations();

        // The theory above is only as good as the file: it must exercise both pool kinds and the optional settings.
        Assert.Contains(migrations, m => m.NewPool is CreatedNewPoolSettings);
        Assert.Contains(migrations, m => m.NewPool is ExistingNewPoolSettings);
        Assert.Contains(migrations, m => m.OldPool.CrossAccountRole is not null);
        Assert.Contains(migrations, m => m.FunctionSettings.AttributeRenames.Count > 0);
        Assert.Contains(migrations, m => m.FunctionSettings.WeakPasswordAction is not null);
    }

    // What DescribeUserPool reports of the new pool the configuration describes.
    private static NewPoolProfile ProfileOf(NewPoolSettings newPool) => new()
    {
        Names = NameRule.CaseInsensitive,
        CustomAttributes = newPool.CustomAttributeNames.Select(n => "custom:" + n).ToHashSet(StringComparer.Ordinal),
        SignInAttributes = newPool is CreatedNewPoolSettings created ? [.. SignInAliasNames.All.Where(created.SignInAliases.Contains)] : [],
        PasswordPolicy = newPool.KnownPasswordPolicy,
    };

    private static IReadOnlyList<MigrationSettings> ReadMigrations() =>
        MigrationConfigReader.ReadFile(Path.Combine(NodeTools.FindRepositoryRoot(), "infra", "migrations.jsonc")).Migrations;
}
