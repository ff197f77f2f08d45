using Trigger.Contract;
using Trigger.Function.Configuration;
using Trigger.Migration.Decisions;

namespace Trigger.UnitTests.Function;

public sealed class TriggerSettingsTests
{
    private static readonly Dictionary<string, string> _minimal = new()
    {
        [TriggerSettingNames.OldUserPoolId] = "eu-west-1_AbC123",
        // A client id as Cognito issues them (API pattern [\w+]+): letters and digits.
        [TriggerSettingNames.OldClientId] = "oldclient1",
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
    [InlineData(TriggerSettingNames.OldUserPoolId)]
    [InlineData(TriggerSettingNames.OldClientId)]
    public void Load_RequiredSettingMissing_MessageNamesTheVariable(string name)
    {
        var environment = new Dictionary<string, string>(_minimal);
        environment.Remove(name);

        var error = Assert.Throws<SettingsException>(() => TriggerSettings.Load(n => environment.GetValueOrDefault(n)));

        Assert.Equal($"{name} is required but not set.", error.Message);
    }

    [Theory]
    [InlineData(TriggerSettingNames.OldUserPoolId, "not a pool")]
    [InlineData(TriggerSettingNames.OldClientSecretArn, "secret-name")]
    [InlineData(TriggerSettingNames.OldRoleArn, "arn:aws:s3:::bucket")]
    [InlineData(TriggerSettingNames.AliasAttributes, "email,nickname")]
    [InlineData(TriggerSettingNames.AttributeRenames, "custom:a")]
    [InlineData(TriggerSettingNames.AttributeRenames, "custom:a=sub")]
    [InlineData(TriggerSettingNames.NewCustomAttributes, "tenant")]
    [InlineData(TriggerSettingNames.LegacySubAttribute, "legacy_sub")]
    [InlineData(TriggerSettingNames.NewPasswordPolicy, "min=3")]
    [InlineData(TriggerSettingNames.NewPasswordPolicy, "uppercase")]
    [InlineData(TriggerSettingNames.WeakPasswordAction, "ignore")]
    [InlineData(TriggerSettingNames.UncarriedMfaAction, "drop")]
    [InlineData(TriggerSettingNames.SweepKeySecretArn, "sweep-key")]
    [InlineData(TriggerSettingNames.AttributeRenames, "custom:verified=email_verified")]
    [InlineData(TriggerSettingNames.AttributeRenames, "custom:phone_ok=phone_number_verified")]
    [InlineData(TriggerSettingNames.AttributeRenames, "custom:a=custom:b,custom:b=custom:c")]
    [InlineData(TriggerSettingNames.AttributeRenames, "custom:a=custom:x,custom:b=custom:x")]
    [InlineData(TriggerSettingNames.PreSignUpFailOpen, "maybe")]
    [InlineData(TriggerSettingNames.SafetyMarginMs, "10")]
    [InlineData(TriggerSettingNames.OldEndpointUrl, "localhost:9229")]
    [InlineData(TriggerSettingNames.FoldIndexTable, "ab")]
    [InlineData(TriggerSettingNames.FoldIndexTable, "fold index")]
    [InlineData(TriggerSettingNames.CarryGroups, "no")]
    [InlineData(TriggerSettingNames.CarryGroups, "0")]
    [InlineData(TriggerSettingNames.GroupHandOverTable, "hand over")]
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
        var error = Assert.Throws<SettingsException>(() => Load((TriggerSettingNames.OldExternalId, "ext-1")));

        Assert.Contains(TriggerSettingNames.OldRoleArn, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FullSettings_Parsed()
    {
        var settings = Load(
            (TriggerSettingNames.OldRegion, "us-east-1"),
            (TriggerSettingNames.OldClientSecretArn, "arn:aws:secretsmanager:us-east-1:111122223333:secret:old-client-AbCdEf"),
            (TriggerSettingNames.OldRoleArn, "arn:aws:iam::111122223333:role/old-pool-reader"),
            (TriggerSettingNames.OldExternalId, "ext-1"),
            (TriggerSettingNames.AliasAttributes, "email"),
            (TriggerSettingNames.AttributeRenames, "custom:org=custom:tenant"),
            (TriggerSettingNames.NewCustomAttributes, "custom:tenant, custom:legacy_sub"),
            (TriggerSettingNames.LegacySubAttribute, "custom:legacy_sub"),
            (TriggerSettingNames.NewPasswordPolicy, "min=10,uppercase,numbers"),
            (TriggerSettingNames.WeakPasswordAction, "refuse"),
            (TriggerSettingNames.UncarriedMfaAction, "allow"),
            (TriggerSettingNames.SweepKeySecretArn, "arn:aws:secretsmanager:us-east-1:111122223333:secret:sweep-key-AbCdEf"),
            (TriggerSettingNames.PreSignUpFailOpen, "true"));

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
            TriggerSettingNames.OldUserPoolId => "local_5jKnOE4t",
            TriggerSettingNames.OldClientId => "abc",
            _ => null,
        }).OldRegion);

    [Fact]
    public void Load_NoSchemaSettings_NothingOverridesWhatTheNewPoolSays() =>
        Assert.Equal(NewPoolOverrides.None, Load().Migration.Overrides);

    [Fact]
    public void Load_EachSchemaSetting_OverridesOnlyItsOwnPart()
    {
        Assert.Equal(NewPoolOverrides.AliasAttributes, Load((TriggerSettingNames.AliasAttributes, "email")).Migration.Overrides);
        Assert.Equal(NewPoolOverrides.CustomAttributes, Load((TriggerSettingNames.NewCustomAttributes, "custom:a")).Migration.Overrides);
        Assert.Equal(NewPoolOverrides.PasswordPolicy, Load((TriggerSettingNames.NewPasswordPolicy, "min=8")).Migration.Overrides);
    }

    [Fact]
    public void Load_FoldIndexTable_ReadWhenSetNullOtherwise()
    {
        Assert.Equal("TriggerMigration-Customers-FoldIndex1A2B", Load((TriggerSettingNames.FoldIndexTable, "TriggerMigration-Customers-FoldIndex1A2B")).FoldIndexTable);
        Assert.Null(Load().FoldIndexTable);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    [InlineData(" false ", false)]
    public void Load_CarryGroups_OnUnlessFalse(string? value, bool expected) =>
        Assert.Equal(expected, (value is null ? Load() : Load((TriggerSettingNames.CarryGroups, value))).CarryGroups);

    [Fact]
    public void Load_GroupHandOverTable_ReadWhenSetNullOtherwise()
    {
        Assert.Equal("TriggerMigration-GroupHandOver1A2B", Load((TriggerSettingNames.GroupHandOverTable, "TriggerMigration-GroupHandOver1A2B")).GroupHandOverTable);
        Assert.Null(Load().GroupHandOverTable);
    }
}
