using Trigger.Contract;
using Trigger.Infra.Configuration;
using Trigger.Infra.Stacks;

namespace Trigger.Infra.Tests;

public sealed class FunctionEnvironmentTests
{
    [Theory]
    [InlineData(8, true, true, true, true, "min=8,lowercase,uppercase,numbers,symbols")]
    [InlineData(6, false, false, false, false, "min=6")]
    [InlineData(99, false, true, false, true, "min=99,uppercase,symbols")]
    [InlineData(10, true, false, true, false, "min=10,lowercase,numbers")]
    public void PasswordPolicyValue_Policy_ListsTheMinimumAndOnlyTheRequiredClasses(
        int minLength, bool lowercase, bool uppercase, bool digits, bool symbols, string expected)
    {
        Assert.Equal(expected, FunctionEnvironment.PasswordPolicyValue(new PasswordPolicy(minLength, lowercase, uppercase, digits, symbols)));
    }

    [Fact]
    public void Of_CreatedPoolWithoutCustomAttributes_SetsThePolicyAndNoCustomAttributeList()
    {
        var environment = FunctionEnvironment.Of(Read("""{ "create": { "signInAliases": [] } }""", "{}"));

        Assert.Equal(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [TriggerSettingNames.OldUserPoolId] = "eu-west-1_OldPool01",
                [TriggerSettingNames.OldClientId] = "oldclient01",
                [TriggerSettingNames.OldRegion] = "eu-west-1",
                [TriggerSettingNames.NewPasswordPolicy] = "min=8,lowercase,uppercase,numbers,symbols",
            },
            environment);
    }

    [Fact]
    public void Of_CreatedPoolWithCustomAttributes_ListsThemSortedWithTheirPrefix()
    {
        var environment = FunctionEnvironment.Of(Read("""
            { "create": { "signInAliases": [], "customAttributes": {
                "zone": { "type": "String" }, "Tier": { "type": "Number" }, "account_id": { "type": "String" } } } }
            """, "{}"));

        Assert.Equal("custom:Tier,custom:account_id,custom:zone", environment[TriggerSettingNames.NewCustomAttributes]);
    }

    [Fact]
    public void Of_CreatedPoolWithAPreferredUsernameAlias_LooksTypedNamesUpByTheNewPoolsAliases()
    {
        var environment = FunctionEnvironment.Of(Read("""{ "create": { "signInAliases": ["preferred_username", "email"] } }""", "{}"));

        Assert.Equal("email,preferred_username", environment[TriggerSettingNames.AliasAttributes]);
    }

    [Fact]
    public void Of_CreatedPoolWithAllThreeAliases_LeavesTheFunctionsDefault()
    {
        var environment = FunctionEnvironment.Of(Read("""{ "create": { "signInAliases": ["email", "phone_number", "preferred_username"] } }""", "{}"));

        Assert.False(environment.ContainsKey(TriggerSettingNames.AliasAttributes));
    }

    [Fact]
    public void Of_FunctionSettings_MapsEachToItsVariable()
    {
        var environment = FunctionEnvironment.Of(Read(
            """{ "existing": { "userPoolId": "eu-west-1_NewPool01", "customAttributes": ["old_sub", "org"] } }""",
            """
            {
              "aliasAttributes": ["email"],
              "attributeRenames": { "nickname": "preferred_username", "custom:organisation": "custom:org" },
              "legacySubAttribute": "custom:old_sub",
              "preSignUpFailOpen": false
            }
            """));

        Assert.Equal(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [TriggerSettingNames.OldUserPoolId] = "eu-west-1_OldPool01",
                [TriggerSettingNames.OldClientId] = "oldclient01",
                [TriggerSettingNames.OldRegion] = "eu-west-1",
                [TriggerSettingNames.NewCustomAttributes] = "custom:old_sub,custom:org",
                [TriggerSettingNames.AliasAttributes] = "email",
                [TriggerSettingNames.AttributeRenames] = "custom:organisation=custom:org,nickname=preferred_username",
                [TriggerSettingNames.LegacySubAttribute] = "custom:old_sub",
                [TriggerSettingNames.PreSignUpFailOpen] = "false",
            },
            environment);
    }

    [Theory]
    [InlineData("reset")]
    [InlineData("refuse")]
    [InlineData("allow")]
    public void Of_WeakPasswordAction_IsPassedAsWritten(string action)
    {
        var environment = FunctionEnvironment.Of(Read("""{ "create": { "signInAliases": [] } }""", $$"""{ "weakPasswordAction": "{{action}}" }"""));

        Assert.Equal(action, environment[TriggerSettingNames.WeakPasswordAction]);
    }

    [Fact]
    public void Of_UncarriedMfaActionAndSweepKey_MappedToTheirVariables()
    {
        const string SweepKeyArn = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:sweep-key-AbCdEf";
        var environment = FunctionEnvironment.Of(Read(
            """{ "create": { "signInAliases": [] } }""", $$"""{ "uncarriedMfaAction": "refuse", "sweepKeySecretArn": "{{SweepKeyArn}}" }"""));

        Assert.Equal("refuse", environment[TriggerSettingNames.UncarriedMfaAction]);
        Assert.Equal(SweepKeyArn, environment[TriggerSettingNames.SweepKeySecretArn]);
    }

    private static MigrationSettings Read(string newPool, string functionSettings) =>
        MigrationConfigReader.Read($$"""
            {
              "migrations": [
                {
                  "name": "Customers",
                  "account": "111111111111",
                  "region": "eu-west-1",
                  "oldPool": { "userPoolId": "eu-west-1_OldPool01", "clientId": "oldclient01" },
                  "newPool": {{newPool}},
                  "functionSettings": {{functionSettings}}
                }
              ]
            }
            """, "test.jsonc").Migrations.Single();
}
