using Trigger.Testing.Lambda;

namespace Trigger.IntegrationTests.Lambda;

// Slow: these run the real publish and build of src/Trigger.Function (once per run, shared with every
// other test that needs the artifact).
public sealed class FunctionArtifactTests
{
    [Fact]
    public async Task GetPublishedAsync_FunctionProject_LeavesExecutableBootstrapAndFreshStamp()
    {
        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(20));

        var command = await FunctionArtifact.GetPublishedAsync(budget.Token);

        Assert.Equal(Path.Combine(FunctionArtifact.PublishDirectory, "bootstrap"), command.FileName);
        Assert.Empty(command.Arguments);
        Assert.Equal(FunctionArtifact.PublishDirectory, command.TaskRoot);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True((File.GetUnixFileMode(command.FileName) & UnixFileMode.UserExecute) != 0, "bootstrap must be executable.");
        }

        var stamp = Path.Combine(FunctionArtifact.RepositoryRoot, "artifacts", "function.stamp");
        Assert.Equal(SourceFingerprint.Compute(FunctionArtifact.RepositoryRoot), await File.ReadAllTextAsync(stamp, budget.Token));
    }

    [Fact]
    public async Task GetJitBuildAsync_FunctionProject_ReturnsFrameworkDependentBootstrapDll()
    {
        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(20));

        var command = await FunctionArtifact.GetJitBuildAsync(budget.Token);

        Assert.Equal("bootstrap.dll", Path.GetFileName(Assert.Single(command.Arguments)));
        Assert.StartsWith("dotnet", Path.GetFileName(command.FileName), StringComparison.Ordinal);
        var runtimeConfig = await File.ReadAllTextAsync(Path.Combine(command.TaskRoot, "bootstrap.runtimeconfig.json"), budget.Token);
        // Framework-dependent: the shared runtime is named, not bundled (that would be "includedFrameworks").
        Assert.Contains("\"Microsoft.NETCore.App\"", runtimeConfig, StringComparison.Ordinal);
        Assert.DoesNotContain("includedFrameworks", runtimeConfig, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPublishedAsync_StartedWithoutConfiguration_FailsInitThroughBridge()
    {
        // Holds for the placeholder (exits 1) and for the real function (init error naming the missing
        // MIGRATION_OLD_USER_POOL_ID): either way the shipped binary ran under the bridge and said so.
        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var options = new LambdaRuntimeBridgeOptions
        {
            Runtime = await FunctionArtifact.GetPublishedAsync(budget.Token),
            InitTimeout = TimeSpan.FromSeconds(60),
        };
        await using var bridge = await LambdaRuntimeBridge.StartAsync(options, budget.Token);

        var invocation = await bridge.InvokeAsync("""{"triggerSource":"UserMigration_Authentication","userName":"erin"}""", budget.Token);

        Assert.Equal(LambdaInvocationStatus.InitFailed, invocation.Status);
        Assert.Equal(1, bridge.ProcessStarts);
    }
}
