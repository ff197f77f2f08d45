using Trigger.Aws.Cognito;
using Trigger.Cli.Commands.Sweep;
using Trigger.Migration.Decisions;
using Trigger.Migration.Ports;

namespace Trigger.Cli.Tests.Commands.Sweep;

/// <summary>The identity proof's rules on their own: names under the pool's case rule, and each proof path.</summary>
public sealed class IdentityProofTests
{
    [Fact]
    public void SameName_CaseInsensitivePool_FoldsToLowerCase()
    {
        var proof = new IdentityProof(legacySubAttribute: null, NameRule.CaseInsensitive);

        Assert.True(proof.SameName("ALICE", "alice"));
        Assert.True(proof.SameName("\u212Aim", "kim")); // KELVIN SIGN lower-cases to k; OrdinalIgnoreCase (upper-casing) keeps them apart
        Assert.False(proof.SameName("bıll", "bill"));
        Assert.False(proof.SameName(null, "bill"));
    }

    [Fact]
    public void Contradiction_VerifiedPhoneBothPoolsAgreeOn_ProvesTheUserAndAnUnverifiedOneDoesNot()
    {
        var proof = new IdentityProof(legacySubAttribute: null, NameRule.CaseSensitive);
        var old = new OldUser(
            "bob",
            new Dictionary<string, string> { ["sub"] = "old-sub", ["phone_number"] = "+15555550100", ["phone_number_verified"] = "true" },
            "CONFIRMED",
            true,
            []);

        Assert.Null(proof.Contradiction(old, NewUser("+15555550100", verified: "true")));
        Assert.NotNull(proof.Contradiction(old, NewUser("+15555550100", verified: "false")));
        Assert.NotNull(proof.Contradiction(old, NewUser("+15555550199", verified: "true")));
    }

    [Fact]
    public void Contradiction_MatchingLegacySubThatClientsMayWrite_ProvesNothingWithoutAVerifiedContact()
    {
        var proof = new IdentityProof("custom:legacy_sub", NameRule.CaseSensitive, legacySubProves: false);
        var old = new OldUser(
            "bob",
            new Dictionary<string, string> { ["sub"] = "old-sub", ["phone_number"] = "+15555550100", ["phone_number_verified"] = "true" },
            "CONFIRMED",
            true,
            []);
        AdminGetUserResponse WithLegacySub(string phone) => NewUser(phone, verified: "true") with
        {
            UserAttributes = [.. NewUser(phone, verified: "true").UserAttributes!, new AttributeType { Name = "custom:legacy_sub", Value = "old-sub" }],
        };

        Assert.NotNull(proof.Contradiction(old, WithLegacySub("+15555550199")));
        Assert.Null(proof.Contradiction(old, WithLegacySub("+15555550100")));
    }

    private static AdminGetUserResponse NewUser(string phone, string verified) => new()
    {
        Username = "bob",
        UserAttributes =
        [
            new AttributeType { Name = "sub", Value = "new-sub" },
            new AttributeType { Name = "phone_number", Value = phone },
            new AttributeType { Name = "phone_number_verified", Value = verified },
        ],
    };
}
