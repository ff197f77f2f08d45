using Trigger.Contract;
using Trigger.Infra.Configuration;
using Trigger.Infra.Stacks;

namespace Trigger.Infra.Tests;

public sealed class FunctionEnvironmentTests
{
    [Fact]
    public void Of_CreatedPoolWithoutFunctionSettings_SetsTheOldPoolOnlyAndLeavesThePolicyToThePool()
    {
        var environment = FunctionEnvironment.Of(Read("""{ "create": { "signInAliases": [] } }""", "{}"));

        Assert.Equal(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [TriggerSettingNames.OldUserPoolId] = "eu-west-1_OldPool01",
                [TriggerSettingNames.OldClientId] = "oldclient01",
                [TriggerSettingNames.OldRegion] = "eu-west-1",
            },
            environment);
    }

    [Fact]
    public void Of_CreatedPoolWithCustomAttributes_LeavesThemToThePool()
    {
        var environment = FunctionEnvironment.Of(Read("""
            { "create": { "signInAliases": [], "customAttributes": {
                "zone": { "type": "String" }, "Tier": { "type": "Number" }, "account_id": { "type": "String" } } } }
            """, "{}"));

        // Written, the list would drop a custom attribute added to the pool later; the function reads the pool's.
        Assert.False(environment.ContainsKey(TriggerSettingNames.NewCustomAttributes));
    }

    [Fact]
    public void Of_CreatedPoolWithAPreferredUsernameAlias_LeavesTheAliasesToThePool()
    {
        var environment = FunctionEnvironment.Of(Read("""{ "create": { "signInAliases": ["preferred_username", "email"] } }""", "{}"));

        Assert.False(environment.ContainsKey(TriggerSettingNames.AliasAttributes));
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
