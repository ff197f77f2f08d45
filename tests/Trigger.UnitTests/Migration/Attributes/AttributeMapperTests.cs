using Trigger.Migration.Attributes;
using Trigger.Migration.Ports;

namespace Trigger.UnitTests.Migration;

public sealed class AttributeMapperTests
{
    private static AttributeMapper CreateSut(AttributeMappingOptions? options = null) => new(options ?? new AttributeMappingOptions());

    private static OldUser UserWith(params (string Name, string Value)[] attributes) =>
        new("carol", attributes.ToDictionary(a => a.Name, a => a.Value), "CONFIRMED", true, []);

    [Fact]
    public void Map_ReservedNames_NeverReturnedNorCountedAsDropped()
    {
        var mapped = CreateSut().Map(UserWith(("sub", "s-1"), ("cognito:mfa_enabled", "true"), ("identities", "[]"), ("username", "x"), ("email", "c@example.com")), false);

        Assert.Equal(["email"], mapped.Attributes.Keys);
        Assert.Empty(mapped.Dropped);
    }

    [Fact]
    public void Map_Rename_AppliedBeforeSchemaCheck()
    {
        var options = new AttributeMappingOptions
        {
            Renames = new Dictionary<string, string> { ["custom:org"] = "custom:tenant" },
            NewCustomAttributes = new HashSet<string> { "custom:tenant" },
        };

        var mapped = CreateSut(options).Map(UserWith(("custom:org", "acme")), false);

        Assert.Equal("acme", mapped.Attributes["custom:tenant"]);
        Assert.False(mapped.Attributes.ContainsKey("custom:org"));
    }

    [Fact]
    public void Map_LegacySubAttribute_ReceivesOldSub()
    {
        var options = new AttributeMappingOptions { LegacySubAttribute = "custom:legacy_sub", NewCustomAttributes = new HashSet<string> { "custom:legacy_sub" } };

        var mapped = CreateSut(options).Map(UserWith(("sub", "s-1")), false);

        Assert.Equal("s-1", mapped.Attributes["custom:legacy_sub"]);
        Assert.False(mapped.Attributes.ContainsKey("sub"));
    }

    [Fact]
    public void Map_VerificationFlags_CopiedAsTheyAre()
    {
        var mapped = CreateSut().Map(UserWith(("email", "c@example.com"), ("email_verified", "false"), ("phone_number", "+15550100")), false);

        Assert.Equal("false", mapped.Attributes["email_verified"]);
        Assert.False(mapped.Attributes.ContainsKey("phone_number_verified"));
    }

    [Fact]
    public void Map_IncludeUsername_AddsOldUsername()
    {
        var mapped = CreateSut().Map(UserWith(("email", "c@example.com")), includeUsername: true);

        Assert.Equal("carol", mapped.Attributes["username"]);
    }
}
