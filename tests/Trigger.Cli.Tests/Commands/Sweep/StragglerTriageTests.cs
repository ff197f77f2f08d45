using Trigger.Cli.Commands.Sweep;
using Trigger.Migration.Attributes;
using Trigger.Migration.Ports;

namespace Trigger.Cli.Tests.Commands.Sweep;

/// <summary>Who may be swept and with which attributes, decided before any call to the new pool.</summary>
public sealed class StragglerTriageTests
{
    [Fact]
    public void Judge_RequiredAttributeMissing_UnmappableNamingIt()
    {
        var verdict = Triage(required: ["family_name"]).Judge(User(("email", "a@example.com"), ("email_verified", "true")));

        Assert.Equal(StragglerOutcomes.Unmappable, verdict.Outcome);
        Assert.Equal(StragglerTriage.MissingRequiredAttribute, verdict.Reason);
        Assert.Contains("family_name", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ValueOfTheWrongType_UnmappableNamingTheAttribute()
    {
        var verdict = Triage(types: new() { ["custom:score"] = "Number" }, custom: new HashSet<string> { "custom:score" })
            .Judge(User(("email", "a@example.com"), ("email_verified", "true"), ("custom:score", "high")));

        Assert.Equal(StragglerTriage.InvalidAttributeValue, verdict.Reason);
        Assert.Contains("custom:score", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_EligibleUser_MappedWithoutSubOrCognitoNamesLegacySubKept()
    {
        var triage = new StragglerTriage(
            new AttributeMapper(new AttributeMappingOptions
            {
                Renames = new Dictionary<string, string> { ["custom:org"] = "custom:tenant" },
                NewCustomAttributes = new HashSet<string> { "custom:tenant", "custom:legacy_sub" },
                LegacySubAttribute = "custom:legacy_sub",
            }),
            Schema([], new()),
            allowDroppedAttributes: false);

        var verdict = triage.Judge(User(("sub", "old-sub"), ("cognito:mfa_enabled", "x"), ("email", "a@example.com"), ("email_verified", "true"), ("custom:org", "acme")));

        Assert.True(verdict.IsEligible);
        Assert.Equal("acme", verdict.Attributes["custom:tenant"]);
        Assert.Equal("old-sub", verdict.Attributes["custom:legacy_sub"]);
        Assert.DoesNotContain(verdict.Attributes.Keys, k => k == "sub" || k.StartsWith("cognito:", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_DroppedAttributesAllowed_EligibleAndNamed()
    {
        var triage = new StragglerTriage(new AttributeMapper(new AttributeMappingOptions()), Schema([], new()), allowDroppedAttributes: true);

        var verdict = triage.Judge(User(("email", "a@example.com"), ("email_verified", "true"), ("custom:tier", "gold")));

        Assert.True(verdict.IsEligible);
        Assert.Equal(["custom:tier"], verdict.Dropped);
    }

    [Theory]
    [InlineData("RESET_REQUIRED", true, "true", null)]
    [InlineData("FORCE_CHANGE_PASSWORD", true, "true", null)]
    [InlineData("EXTERNAL_PROVIDER", true, "true", "UnsupportedUserStatus")]
    [InlineData("CONFIRMED", false, "true", "UserDisabled")]
    [InlineData("CONFIRMED", true, "false", "NoVerifiedContact")]
    public void Judge_OldState_SweptOnlyWhereForgotPasswordCanWork(string status, bool enabled, string verified, string? reason)
    {
        var user = new OldUser("u", new Dictionary<string, string> { ["email"] = "u@example.com", ["email_verified"] = verified }, status, enabled, []);

        var verdict = Triage().Judge(user);

        Assert.Equal(reason, verdict.Reason);
    }

    private static StragglerTriage Triage(IReadOnlyList<string>? required = null, Dictionary<string, string>? types = null, IReadOnlySet<string>? custom = null) =>
        new(new AttributeMapper(new AttributeMappingOptions { NewCustomAttributes = custom ?? new HashSet<string>() }), Schema(required ?? [], types ?? new()), allowDroppedAttributes: false);

    private static NewPoolSchema Schema(IReadOnlyList<string> required, Dictionary<string, string> types) => new()
    {
        CustomAttributes = new HashSet<string>(types.Keys.Where(k => k.StartsWith("custom:", StringComparison.Ordinal))),
        DataTypes = types,
        Required = required,
    };

    private static OldUser User(params (string Name, string Value)[] attributes) =>
        new("u", attributes.ToDictionary(a => a.Name, a => a.Value), "CONFIRMED", true, []);
}
