using System.Text.Json.Nodes;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;
using Trigger.Testing.Lambda;
using static Trigger.IntegrationTests.Support.FakeOldPoolFixture;

namespace Trigger.IntegrationTests.CaseRules;

/// <summary>Both pools case-insensitive, both with custom:tenant; the function has no schema settings at all.</summary>
public sealed class CaseInsensitivePoolsFixture : FakeOldPoolFixture
{
    protected override PoolSpec OldPoolSpec => new("old") { UsernameCaseSensitive = false, Schema = [new SchemaAttributeSpec("tenant"), new SchemaAttributeSpec("legacy")] };

    protected override PoolSpec NewPoolSpec => new("new")
    {
        UsernameCaseSensitive = false,
        AliasAttributes = ["email", "preferred_username"],
        Schema = [new SchemaAttributeSpec("tenant")],
    };
}

/// <summary>
/// The published bootstrap between two case-insensitive pools on the fake (cognito-local has no
/// case-insensitive pools). The events carry the names as such a pool hands them to triggers: lowercased.
/// The function learns the new pool (case rule, custom attributes, aliases, policy) from DescribeUserPool.
/// </summary>
[Slow]
public sealed class CaseRulesOnFakeTests : IClassFixture<CaseInsensitivePoolsFixture>, IDisposable
{
    private readonly CaseInsensitivePoolsFixture _world;

    public CaseRulesOnFakeTests(CaseInsensitivePoolsFixture world)
    {
        _world = world;
        _world.Reset();
    }

    public void Dispose() => _world.Reset();

    private async Task AddQuinnAsync(string username) =>
        await _world.Admin.CreateUserAsync(_world.OldPoolId, new UserSpec(username, Password)
        {
            Email = $"{username}.Q@Example.com",
            Attributes = new Dictionary<string, string> { ["custom:tenant"] = "acme", ["custom:legacy"] = "x" },
        });

    private string Handed(string typed) => _world.Fake.NameForTriggers(_world.NewPoolId, typed);

    [Theory]
    [InlineData("Quinn1", "QUINN1")]
    [InlineData("Quinn2", "Quinn2.Q@Example.com")]
    public async Task SignIn_MixedCaseOldNameTypedInAnyCase_MigratedAsThatNameWithThePoolsCustomAttributes(string oldUsername, string typed)
    {
        await AddQuinnAsync(oldUsername);
        Assert.Equal(typed.ToLowerInvariant(), Handed(typed));

        var result = await _world.Bridge.InvokeAsync(TriggerEvents.SignIn(_world.NewPoolId, Handed(typed), Password));

        var attributes = JsonNode.Parse(result.Payload!)!["response"]!["userAttributes"]!;
        Assert.Equal("CONFIRMED", JsonNode.Parse(result.Payload!)!["response"]!["finalUserStatus"]!.GetValue<string>());
        // By email (an alias) the answer names the old username, case kept; by username the folded name is the same
        // name to a case-insensitive pool, no alias, so no username is returned.
        Assert.Equal(typed.Contains('@', StringComparison.Ordinal) ? oldUsername : null, attributes["username"]?.GetValue<string>());
        Assert.Equal("acme", attributes["custom:tenant"]!.GetValue<string>());
        Assert.Null(attributes["custom:legacy"]);
    }

    // The guard's refusals: QUINN and quinn.q@example.com while Quinn / Quinn.Q@Example.com have not migrated.
    [Theory]
    [InlineData("Quinn3", "QUINN3", null)]
    [InlineData("Quinn4", "stranger4", "Quinn4.Q@Example.com")]
    public async Task PreSignUp_AnotherCaseOfAnUnmigratedName_Refused(string oldUsername, string username, string? email)
    {
        await AddQuinnAsync(oldUsername);

        var result = await _world.Bridge.InvokeAsync(email is null
            ? TriggerEvents.SignUp(_world.NewPoolId, Handed(username))
            : TriggerEvents.SignUp(_world.NewPoolId, Handed(username), Handed(email)));

        Assert.Equal("SignUpRefused", result.ErrorType);
    }

    [Fact]
    public async Task Invocations_NewPoolReadOnceAndAFailedReadRefusesWithItsOwnReasonAndIsNotKept()
    {
        await AddQuinnAsync("Quinn5");
        await using var bridge = await LambdaRuntimeBridge.StartAsync(new LambdaRuntimeBridgeOptions
        {
            Runtime = await FunctionArtifact.GetPublishedAsync(),
            LogFormat = "JSON",
            Environment = _world.Environment,
        });
        _world.Fake.Faults.RespondNext("DescribeUserPool", 1, "NotAuthorizedException", "not allowed");

        var refused = await bridge.InvokeAsync(TriggerEvents.SignIn(_world.NewPoolId, Handed("Quinn5"), Password));
        var first = await bridge.InvokeAsync(TriggerEvents.SignIn(_world.NewPoolId, Handed("Quinn5"), Password));
        var second = await bridge.InvokeAsync(TriggerEvents.ForgotPassword(_world.NewPoolId, Handed("Quinn5")));

        Assert.DoesNotContain("finalUserStatus\":\"", refused.Payload, StringComparison.Ordinal);
        Assert.True(await BridgeOutput.AppearsAsync(bridge, "\"reason\":\"NewPoolUnreadable\""));
        Assert.Contains("\"finalUserStatus\":\"CONFIRMED\"", first.Payload, StringComparison.Ordinal);
        Assert.Contains("\"finalUserStatus\":\"RESET_REQUIRED\"", second.Payload, StringComparison.Ordinal);
        Assert.Equal(2, _world.Fake.CallsTo("DescribeUserPool").Count);
    }
}
