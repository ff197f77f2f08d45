using System.Text.Json;
using Trigger.Migration.Events;

namespace Trigger.UnitTests.Migration.Events;

/// <summary>
/// The Pre token generation answer: in the event version's shape, the request's groups kept and the carried
/// ones added, the IAM roles and preferred role copied (Cognito replaces the whole group override, so leaving
/// them out would drop them), and no override at all when nothing changes (an empty one suppresses the groups).
/// </summary>
public sealed class PreTokenGenerationResultTests
{
    private static PreTokenGenerationEvent Event(string version) => JsonSerializer.Deserialize(
        $$$"""
        {"version":"{{{version}}}","triggerSource":"TokenGeneration_Authentication","userPoolId":"eu-west-1_new","userName":"amelia",
         "request":{"userAttributes":{"sub":"x"},"groupConfiguration":{"groupsToOverride":["readers"],"iamRolesToOverride":["arn:aws:iam::123456789012:role/readers"],"preferredRole":"arn:aws:iam::123456789012:role/readers"}},
         "response":{"claimsOverrideDetails":null}}
        """,
        TriggerJsonContext.Default.PreTokenGenerationEvent)!;

    private static JsonElement Response(PreTokenGenerationResult result) =>
        JsonDocument.Parse(JsonSerializer.Serialize(result, TriggerJsonContext.Default.PreTokenGenerationResult)).RootElement.GetProperty("response");

    [Fact]
    public void WithGroups_V1Event_ClaimsOverrideDetailsWithTheUnionAndTheRolesKept()
    {
        var response = Response(PreTokenGenerationResult.WithGroups(Event("1"), ["admins", "readers"]));

        var details = response.GetProperty("claimsOverrideDetails").GetProperty("groupOverrideDetails");
        Assert.Equal(["readers", "admins"], details.GetProperty("groupsToOverride").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("arn:aws:iam::123456789012:role/readers", details.GetProperty("iamRolesToOverride")[0].GetString());
        Assert.Equal("arn:aws:iam::123456789012:role/readers", details.GetProperty("preferredRole").GetString());
        Assert.False(response.TryGetProperty("claimsAndScopeOverrideDetails", out _));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("3")]
    public void WithGroups_V2Event_ClaimsAndScopeOverrideDetailsForBothTokens(string version)
    {
        var response = Response(PreTokenGenerationResult.WithGroups(Event(version), ["admins"]));

        var details = response.GetProperty("claimsAndScopeOverrideDetails").GetProperty("groupOverrideDetails");
        Assert.Equal(["readers", "admins"], details.GetProperty("groupsToOverride").EnumerateArray().Select(g => g.GetString()));
        Assert.False(response.TryGetProperty("claimsOverrideDetails", out _));
    }

    [Fact]
    public void WithGroups_NothingTheRequestLacks_NoOverrideWritten()
    {
        var response = Response(PreTokenGenerationResult.WithGroups(Event("1"), ["readers"]));

        Assert.Empty(response.EnumerateObject());
    }

    [Fact]
    public void WithGroups_RequestWithoutGroupConfiguration_OverridesWithTheCarriedGroups()
    {
        var trigger = Event("0") with { Request = new PreTokenGenerationRequest() };

        var details = Response(PreTokenGenerationResult.WithGroups(trigger, ["admins"])).GetProperty("claimsOverrideDetails").GetProperty("groupOverrideDetails");

        Assert.Equal(["admins"], details.GetProperty("groupsToOverride").EnumerateArray().Select(g => g.GetString()));
    }
}
