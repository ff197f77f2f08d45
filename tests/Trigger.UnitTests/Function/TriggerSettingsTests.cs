using Trigger.Function.Configuration;
using Trigger.Migration.Decisions;

namespace Trigger.UnitTests.Function;

public sealed class TriggerSettingsTests
{
    private static readonly Dictionary<string, string> _minimal = new()
    {
        ["MIGRATION_OLD_USER_POOL_ID"] = "eu-west-1_AbC123",
        // A client id as Cognito issues them (API pattern [\w+]+): letters and digits.
        ["MIGRATION_OLD_CLIENT_ID"] = "oldclient1",
    };

    private static TriggerSettings Load(params (string Name, string Value)[] overrides)
    {
        var environment = new Dictionary<string, string>(_minimal);
        foreach (var (name, value) in overrides)
        {
            environment[name] = value;
        }

        return TriggerSettings.Load(name => environment.GetValueOrDefault(name));
    }

    [Fact]
    public void Load_MinimalSettings_DefaultsRegionFromPoolIdAndAliasesToAllThree()
    {
        var settings = Load();

        Assert.Equal("eu-west-1", settings.OldRegion);
        Assert.Equal(["email", "phone_number", "preferred_username"], settings.Migration.AliasAttributes);
        Assert.Null(settings.Migration.NewPasswordPolicy);
        Assert.Equal(WeakPasswordAction.Reset, settings.Migration.WeakPasswordAction);
        Assert.False(settings.PreSignUpFailOpen);
    }

    [Theory]
    [InlineData("MIGRATION_OLD_USER_POOL_ID")]
    [InlineData("MIGRATION_OLD_CLIENT_ID")]
    public void Load_RequiredSettingMissing_MessageNamesTheVariable(string name)
    {
        var environment = new Dictionary<string, string>(_minimal);
        environment.Remove(name);

        var error = Assert.Throws<SettingsException>(() => TriggerSettings.Load(n => environment.GetValueOrDefault(n)));

        Assert.Equal($"{name} is required but not set.", error.Message);
    }

    [Theory]
    [InlineData("MIGRATION_OLD_USER_POOL_ID", "not a pool")]
    [InlineData("MIGRATION_OLD_CLIENT_SECRET_ARN", "secret-name")]
    [InlineData("MIGRATION_OLD_ROLE_ARN", "arn:aws:s3:::bucket")]
    [InlineData("MIGRATION_ALIAS_ATTRIBUTES", "email,nickname")]
    [InlineData("MIGRATION_ATTRIBUTE_RENAMES", "custom:a")]
    [InlineData("MIGRATION_ATTRIBUTE_RENAMES", "custom:a=sub")]
    [InlineData("MIGRATION_NEW_CUSTOM_ATTRIBUTES", "tenant")]
    [InlineData("MIGRATION_LEGACY_SUB_ATTRIBUTE", "legacy_sub")]
    [InlineData("MIGRATION_NEW_PASSWORD_POLICY", "min=3")]
    [InlineData("MIGRATION_NEW_PASSWORD_POLICY", "uppercase")]
    [InlineData("MIGRATION_WEAK_PASSWORD_ACTION", "ignore")]
    [InlineData("MIGRATION_UNCARRIED_MFA_ACTION", "drop")]
    [InlineData("MIGRATION_SWEEP_KEY_SECRET_ARN", "sweep-key")]
    [InlineData("MIGRATION_ATTRIBUTE_RENAMES", "custom:verified=email_verified")]
    [InlineData("MIGRATION_ATTRIBUTE_RENAMES", "custom:phone_ok=phone_number_verified")]
    [InlineData("MIGRATION_ATTRIBUTE_RENAMES", "custom:a=custom:b,custom:b=custom:c")]
    [InlineData("MIGRATION_ATTRIBUTE_RENAMES", "custom:a=custom:x,custom:b=custom:x")]
    [InlineData("MIGRATION_PRESIGNUP_FAIL_OPEN", "maybe")]
    [InlineData("MIGRATION_SAFETY_MARGIN_MS", "10")]
    [InlineData("MIGRATION_OLD_ENDPOINT_URL", "localhost:9229")]
    [InlineData("MIGRATION_FOLD_INDEX_TABLE", "ab")]
    [InlineData("MIGRATION_FOLD_INDEX_TABLE", "fold index")]
    public void Load_MalformedSetting_MessageNamesTheVariable(string name, string value)
    {
        var error = Assert.Throws<SettingsException>(() => Load((name, value)));

        Assert.StartsWith(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoUncarriedMfaAction_DefaultsToReset() =>
        Assert.Equal(UncarriedMfaAction.Reset, Load().Migration.UncarriedMfaAction);

    [Fact]
    public void Load_ExternalIdWithoutRole_Refused()
    {
        var error = Assert.Throws<SettingsException>(() => Load(("MIGRATION_OLD_EXTERNAL_ID", "ext-1")));

        Assert.Contains("MIGRATION_OLD_ROLE_ARN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FullSettings_Parsed()
    {
        var settings = Load(
            ("MIGRATION_OLD_REGION", "us-east-1"),
            ("MIGRATION_OLD_CLIENT_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:111122223333:secret:old-client-AbCdEf"),
            ("MIGRATION_OLD_ROLE_ARN", "arn:aws:iam::111122223333:role/old-pool-reader"),
            ("MIGRATION_OLD_EXTERNAL_ID", "ext-1"),
            ("MIGRATION_ALIAS_ATTRIBUTES", "email"),
            ("MIGRATION_ATTRIBUTE_RENAMES", "custom:org=custom:tenant"),
            ("MIGRATION_NEW_CUSTOM_ATTRIBUTES", "custom:tenant, custom:legacy_sub"),
            ("MIGRATION_LEGACY_SUB_ATTRIBUTE", "custom:legacy_sub"),
            ("MIGRATION_NEW_PASSWORD_POLICY", "min=10,uppercase,numbers"),
            ("MIGRATION_WEAK_PASSWORD_ACTION", "refuse"),
            ("MIGRATION_UNCARRIED_MFA_ACTION", "allow"),
            ("MIGRATION_SWEEP_KEY_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:111122223333:secret:sweep-key-AbCdEf"),
            ("MIGRATION_PRESIGNUP_FAIL_OPEN", "true"));

        Assert.Equal("us-east-1", settings.OldRegion);
        Assert.Equal(["email"], settings.Migration.AliasAttributes);
        Assert.Equal("custom:tenant", settings.Migration.Attributes.Renames["custom:org"]);
        Assert.Contains("custom:legacy_sub", settings.Migration.Attributes.NewCustomAttributes);
        Assert.Equal(new PasswordPolicy(10, false, true, true, false), settings.Migration.NewPasswordPolicy);
        Assert.Equal(WeakPasswordAction.Refuse, settings.Migration.WeakPasswordAction);
        Assert.Equal(UncarriedMfaAction.Allow, settings.Migration.UncarriedMfaAction);
        Assert.Equal("arn:aws:secretsmanager:us-east-1:111122223333:secret:sweep-key-AbCdEf", settings.SweepKeySecretArn);
        Assert.True(settings.PreSignUpFailOpen);
    }

    [Fact]
    public void Load_EmulatorPoolId_Accepted() =>
        Assert.Equal("local", TriggerSettings.Load(n => n switch
        {
            "MIGRATION_OLD_USER_POOL_ID" => "local_5jKnOE4t",
            "MIGRATION_OLD_CLIENT_ID" => "abc",
            _ => null,
        }).OldRegion);

    [Fact]
    public void Load_FoldIndexTable_ReadWhenSetNullOtherwise()
    {
        Assert.Equal("TriggerMigration-Customers-FoldIndex1A2B", Load(("MIGRATION_FOLD_INDEX_TABLE", "TriggerMigration-Customers-FoldIndex1A2B")).FoldIndexTable);
        Assert.Null(Load().FoldIndexTable);
    }
}
