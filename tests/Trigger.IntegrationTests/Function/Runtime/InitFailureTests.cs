using Trigger.Contract;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.IntegrationTests.Function.Runtime;

/// <summary>A missing or malformed setting fails init through the Runtime API with one line naming the variable.</summary>
[Slow]
[Collection(FakeOldPoolCollection.Name)]
public sealed class InitFailureTests(FakeOldPoolFixture world)
{
    [Theory]
    [InlineData(TriggerSettingNames.OldClientId, null, $"{TriggerSettingNames.OldClientId} is required but not set.")]
    [InlineData(TriggerSettingNames.OldUserPoolId, "pool", $"{TriggerSettingNames.OldUserPoolId} must look like")]
    [InlineData(TriggerSettingNames.WeakPasswordAction, "shrug", $"{TriggerSettingNames.WeakPasswordAction} must be reset, refuse or allow")]
    public async Task Start_BadSetting_InitFailsNamingTheVariable(string name, string? value, string expected)
    {
        var environment = new Dictionary<string, string>(world.Environment);
        if (value is null)
        {
            environment.Remove(name);
        }
        else
        {
            environment[name] = value;
        }

        await using var bridge = await LambdaRuntimeBridge.StartAsync(new LambdaRuntimeBridgeOptions
        {
            Runtime = await FunctionArtifact.GetPublishedAsync(),
            Environment = environment,
        });

        var result = await bridge.InvokeAsync(TriggerEvents.SignIn(world.NewPoolId, "anyone", "Any-Pa55!"));

        Assert.Equal(LambdaInvocationStatus.InitFailed, result.Status);
        Assert.Equal("InvalidConfiguration", result.ErrorType);
        Assert.StartsWith(expected, result.ErrorMessage, StringComparison.Ordinal);
    }
}
