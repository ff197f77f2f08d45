using System.Text.Json.Nodes;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;
using Trigger.Testing.Lambda;
using static Trigger.IntegrationTests.Support.FakeOldPoolFixture;

namespace Trigger.IntegrationTests.Function.Runtime;

/// <summary>
/// Cognito's 5 seconds start when it invokes the function; on a cold start they include init. The
/// published bootstrap in a fresh process (its own bridge) against a slow init and a hanging old pool.
/// </summary>
[Slow]
[Collection(FakeOldPoolCollection.Name)]
public sealed class ColdStartBudgetTests : IDisposable
{
    private readonly FakeOldPoolFixture _world;

    public ColdStartBudgetTests(FakeOldPoolFixture world)
    {
        _world = world;
        _world.Reset();
    }

    public void Dispose() => _world.Reset();

    [Fact]
    public async Task ColdSignIn_SecretFetchHeldAtInitAndOldPoolHanging_AnswerReachesRuntimeApiWithinFiveSecondsOfProcessStart()
    {
        await _world.AddOldUserAsync("cold");
        _world.Fake.Faults.DelayNext("GetSecretValue", TimeSpan.FromMilliseconds(2500));
        _world.Fake.Faults.DelayEvery("AdminGetUser", TimeSpan.FromSeconds(30));
        // The bridge's deadline is the CDK stack's function timeout (5 s) from when the runtime takes the
        // event, as in Lambda, so only the cold-start rule keeps the answer inside Cognito's 5 seconds.
        await using var bridge = await LambdaRuntimeBridge.StartAsync(new LambdaRuntimeBridgeOptions
        {
            Runtime = await FunctionArtifact.GetPublishedAsync(),
            LogFormat = "JSON",
            Environment = _world.Environment,
            Timeout = TimeSpan.FromSeconds(5),
        });

        var result = await bridge.InvokeAsync(TriggerEvents.SignIn(_world.NewPoolId, "cold", Password));

        var start = Assert.Single(bridge.Starts);
        Assert.Equal(LambdaInvocationStatus.Succeeded, result.Status);
        Assert.Empty(JsonNode.Parse(result.Payload)!["response"]!.AsObject());
        Assert.NotNull(start.FirstResponseAfter);
        Assert.True(start.FirstResponseAfter < TimeSpan.FromSeconds(5),
            $"The answer reached the Runtime API {start.FirstResponseAfter!.Value.TotalMilliseconds:0} ms after the process started; Cognito gives up at 5,000 ms.");
        Assert.NotEmpty(_world.Fake.CallsTo("GetSecretValue"));
        Assert.True(await BridgeOutput.AppearsAsync(bridge, "\"reason\":\"DeadlineExceeded\""));
    }
}
