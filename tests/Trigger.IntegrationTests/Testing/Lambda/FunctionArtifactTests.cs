using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.IntegrationTests.Testing.Lambda;

// Slow: these run the real publish and build of src/Trigger.Function (once per run, shared with every
// other test that needs the artifact).
[Slow]
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
    public async Task GetPublishedAsync_DefaultPublish_NativeAotOnLinuxReadyToRunElsewhere()
    {
        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(20));

        var command = await FunctionArtifact.GetPublishedAsync(budget.Token);

        var files = Directory.GetFiles(command.TaskRoot).Select(f => Path.GetFileName(f)).ToArray();
        if (OperatingSystem.IsLinux())
        {
            // Native AOT: one executable, no managed assembly and no runtime beside it, no symbols.
            Assert.Equal(["bootstrap"], files);
        }
        else
        {
            // The fallback: self-contained composite ReadyToRun, managed assemblies beside an apphost.
            Assert.Contains("bootstrap.dll", files);
        }
    }

    [Fact]
    public async Task GetPublishedAsync_Bootstrap_NeedsNoGlibcAbove2_34()
    {
        // Lambda's provided.al2023 ships glibc 2.34: a binary linked on a newer host that needs a newer
        // symbol version fails there at load, before any log line.
        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(20));

        var command = await FunctionArtifact.GetPublishedAsync(budget.Token);

        var needs = ElfVersionNeeds.Read(command.FileName);
        var highest = ElfVersionNeeds.HighestGlibc(needs);
        Assert.NotNull(highest);
        Assert.True(highest <= new Version(2, 34), $"bootstrap needs GLIBC_{highest}; provided.al2023 has 2.34. Needs: "
            + string.Join(", ", needs.Where(n => n.Version.StartsWith("GLIBC_", StringComparison.Ordinal)).Select(n => n.Version).Distinct()));
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
