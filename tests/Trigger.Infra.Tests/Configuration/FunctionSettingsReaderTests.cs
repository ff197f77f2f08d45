using Trigger.Infra.Configuration;

namespace Trigger.Infra.Tests;

public sealed class FunctionSettingsReaderTests
{
    private const string Source = "test.jsonc";

    private const string CreatedPool = """{ "create": { "signInAliases": [] } }""";

    private const string CreatedPoolWithSchema = """
        { "create": { "signInAliases": [], "customAttributes": { "tier": { "type": "Number" }, "tenant": { "type": "String" } } } }
        """;

    private const string ExistingPool = """{ "existing": { "userPoolId": "eu-west-1_NewPool01", "customAttributes": ["tenant"] } }""";

    private const string UnguardedExistingPool = """{ "existing": { "userPoolId": "eu-west-1_NewPool01", "preSignUpGuard": false } }""";

    [Fact]
    public void Read_EverySetting_KeepsTheValuesGiven()
    {
        var settings = Read(CreatedPoolWithSchema, """
            {
              "aliasAttributes": ["phone_number", "email"],
              "attributeRenames": { "custom:org": "custom:tenant", "nickname": "preferred_username", "middle_name": "family_name" },
              "legacySubAttribute": "custom:tenant",
              "weakPasswordAction": "allow",
              "preSignUpFailOpen": false
            }
            """).FunctionSettings;

        Assert.Equal(["phone_number", "email"], settings.AliasAttributes);
        Assert.Equal(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["custom:org"] = "custom:tenant",
                ["nickname"] = "preferred_username",
                ["middle_name"] = "family_name",
            },
            settings.AttributeRenames);
        Assert.Equal("custom:tenant", settings.LegacySubAttribute);
        Assert.Equal(WeakPasswordAction.Allow, settings.WeakPasswordAction);
        Assert.False(settings.PreSignUpFailOpen);
    }

    [Fact]
    public void Read_EmptyObject_LeavesEveryDefault()
    {
        var settings = Read(CreatedPool, "{}").FunctionSettings;

        Assert.Null(settings.AliasAttributes);
        Assert.Empty(settings.AttributeRenames);
        Assert.Null(settings.LegacySubAttribute);
        Assert.Null(settings.WeakPasswordAction);
        Assert.Null(settings.PreSignUpFailOpen);
    }

    [Fact]
    public void Read_WeakPasswordActionOnExistingPoolWithoutPolicy_IsAccepted()
    {
        // The function checks the policy it reads of the new pool, whether or not the configuration repeats it.
        var settings = Read(ExistingPool, """{ "weakPasswordAction": "refuse" }""").FunctionSettings;

        Assert.Equal(WeakPasswordAction.Refuse, settings.WeakPasswordAction);
    }

    [Fact]
    public void Read_LegacySubOnExistingPoolsListedAttribute_IsAccepted()
    {
        var settings = Read(ExistingPool, """{ "legacySubAttribute": "custom:tenant" }""").FunctionSettings;

        Assert.Equal("custom:tenant", settings.LegacySubAttribute);
    }

    [Theory]
    [InlineData(CreatedPool, "[]", "functionSettings must be an object")]
    [InlineData(CreatedPool, """{ "weakPasswordActon": "reset" }""", "functionSettings.weakPasswordActon is not a known setting")]
    [InlineData(CreatedPool, """{ "aliasAttributes": ["username"] }""", "functionSettings.aliasAttributes holds \"username\", which is not email, phone_number or preferred_username")]
    [InlineData(CreatedPool, """{ "aliasAttributes": [] }""", "functionSettings.aliasAttributes is empty: list at least one of email, phone_number, preferred_username, or leave it out for all three")]
    [InlineData(CreatedPool, """{ "aliasAttributes": ["email", "email"] }""", "functionSettings.aliasAttributes lists an alias twice")]
    [InlineData(CreatedPool, """{ "aliasAttributes": "email" }""", "functionSettings.aliasAttributes must be an array of strings")]
    [InlineData(CreatedPool, """{ "legacySubAttribute": "custom:old_sub" }""", "functionSettings.legacySubAttribute \"custom:old_sub\" is not among the new pool's custom attributes (newPool.create.customAttributes)")]
    [InlineData(ExistingPool, """{ "legacySubAttribute": "custom:old_sub" }""", "functionSettings.legacySubAttribute \"custom:old_sub\" is not among the new pool's custom attributes (newPool.existing.customAttributes)")]
    [InlineData(CreatedPoolWithSchema, """{ "legacySubAttribute": "custom:tier" }""", "functionSettings.legacySubAttribute \"custom:tier\" is a Number attribute: the old sub is a String")]
    [InlineData(CreatedPoolWithSchema, """{ "legacySubAttribute": "tenant" }""", "functionSettings.legacySubAttribute \"tenant\" is not a custom attribute (custom:<name>)")]
    [InlineData(CreatedPool, """{ "weakPasswordAction": "drop" }""", "functionSettings.weakPasswordAction \"drop\" is not reset, refuse or allow")]
    [InlineData(CreatedPool, """{ "weakPasswordAction": "Reset" }""", "functionSettings.weakPasswordAction \"Reset\" is not reset, refuse or allow")]
    [InlineData(CreatedPool, """{ "preSignUpFailOpen": "yes" }""", "functionSettings.preSignUpFailOpen must be true or false")]
    [InlineData("""{ "create": { "signInAliases": ["email", "preferred_username"] } }""", """{ "aliasAttributes": ["email"] }""", "functionSettings.aliasAttributes leaves out \"preferred_username\", which the created pool accepts as a sign-in name (newPool.create.signInAliases)")]
    [InlineData(UnguardedExistingPool, """{ "preSignUpFailOpen": true }""", "functionSettings.preSignUpFailOpen has no effect: newPool.existing.preSignUpGuard is false")]
    [InlineData(CreatedPool, """{ "attributeRenames": ["custom:org=custom:tenant"] }""", "functionSettings.attributeRenames must be an object")]
    [InlineData(CreatedPool, """{ "attributeRenames": { "nickname": 3 } }""", "functionSettings.attributeRenames.nickname must be a string")]
    [InlineData(CreatedPool, """{ "attributeRenames": { "custom:org": "custom:tenant" } }""", "functionSettings.attributeRenames.custom:org renames to \"custom:tenant\", which is not among the new pool's custom attributes (newPool.create.customAttributes)")]
    [InlineData(ExistingPool, """{ "attributeRenames": { "custom:org": "custom:tier" } }""", "functionSettings.attributeRenames.custom:org renames to \"custom:tier\", which is not among the new pool's custom attributes (newPool.existing.customAttributes)")]
    [InlineData(CreatedPool, """{ "attributeRenames": { "nickname": "sub" } }""", "functionSettings.attributeRenames.nickname renames to \"sub\", which is not a standard attribute or custom:<name>")]
    [InlineData(CreatedPool, """{ "attributeRenames": { "sub": "custom:tenant" } }""", "functionSettings.attributeRenames.sub cannot be renamed")]
    [InlineData(CreatedPool, """{ "attributeRenames": { "org,unit": "nickname" } }""", "functionSettings.attributeRenames.org,unit is not an attribute name")]
    [InlineData(CreatedPool, """{ "attributeRenames": { "nickname": "name", "given_name": "name" } }""", "functionSettings.attributeRenames.given_name renames to \"name\" as nickname does")]
    [InlineData(CreatedPool, """{ "attributeRenames": { "custom:checked": "email_verified" } }""", "functionSettings.attributeRenames cannot rename to or from 'email_verified'")]
    [InlineData(CreatedPool, """{ "attributeRenames": { "nickname": "name", "name": "family_name" } }""", "functionSettings.attributeRenames 'nickname=name' targets 'name', which is itself renamed")]
    public void Read_WrongFunctionSetting_FailsWithOneMessageNamingIt(string newPool, string functionSettings, string expected)
    {
        var error = Assert.Throws<MigrationConfigException>(() => Read(newPool, functionSettings));

        Assert.StartsWith($"{Source}: migrations[0].{expected}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
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
            """, Source).Migrations.Single();
}
