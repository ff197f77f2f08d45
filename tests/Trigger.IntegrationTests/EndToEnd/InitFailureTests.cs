using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.IntegrationTests.EndToEnd;

/// <summary>A missing or malformed setting fails init through the Runtime API with one line naming the variable.</summary>
[Slow]
[Collection(FakeOldPoolCollection.Name)]
public sealed class InitFailureTests(FakeOldPoolFixture world)
{
    [Theory]
    [InlineData("MIGRATION_OLD_CLIENT_ID", null, "MIGRATION_OLD_CLIENT_ID is required but not set.")]
    [InlineData("MIGRATION_OLD_USER_POOL_ID", "pool", "MIGRATION_OLD_USER_POOL_ID must look like")]
    [InlineData("MIGRATION_WEAK_PASSWORD_ACTION", "shrug", "MIGRATION_WEAK_PASSWORD_ACTION must be reset, refuse or allow")]
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
