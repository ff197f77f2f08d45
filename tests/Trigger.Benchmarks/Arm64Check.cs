using Trigger.Testing.Lambda;

namespace Trigger.Benchmarks;

/// <summary>
/// The linux-arm64 bootstrap end to end on an x64 machine: cross-compiled Native AOT, its glibc needs,
/// then real sign-ins through the bridge with the binary under qemu user-mode emulation. A check, not a
/// figure: emulated timings say nothing about Graviton.
/// </summary>
internal static class Arm64Check
{
    private const string Qemu = "/usr/bin/qemu-aarch64-static";

    public static async Task<int> RunAsync(int signIns, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        if (!File.Exists(Qemu))
        {
            await progress.WriteLineAsync(
                $"{Qemu} is missing: apt-get install qemu-user-static (and libssl3:arm64 after dpkg --add-architecture arm64) to run the arm64 bootstrap here.");
            return 2;
        }

        await progress.WriteLineAsync("publishing -r linux-arm64 (cross-compiled Native AOT), unless up to date...");
        var published = await FunctionArtifact.GetArm64PublishedAsync(cancellationToken);
        var needs = ElfVersionNeeds.Read(published.FileName);
        var emulated = new FunctionFlavour("arm64", published with { FileName = Qemu, Arguments = [published.FileName, .. published.Arguments] });

        await using var world = await OldPoolWorld.StartAsync(cancellationToken);
        await using var bridge = await LambdaRuntimeBridge.StartAsync(world.BridgeOptions(emulated, []), cancellationToken);
        var first = await bridge.InvokeAsync(world.SignInEvent, cancellationToken);
        var start = bridge.Starts.Single();
        await output.WriteLineAsync(
            $"first (cold) sign-in: {first.Status}, answered {start.FirstResponseAfter?.TotalMilliseconds:0} ms after process start (init {start.FirstNextAfter?.TotalMilliseconds:0} ms) under emulation");
        await output.WriteLineAsync(string.Join('\n', bridge.StandardOutput.Split('\n').Where(l => l.Contains("\"invocation\"", StringComparison.Ordinal))));
        for (var i = 0; i < signIns; i++)
        {
            MigrationCheck.Ensure(await bridge.InvokeAsync(world.SignInEvent, cancellationToken), emulated);
        }

        await output.WriteLineAsync($"arm64 bootstrap: {published.FileName} ({new FileInfo(published.FileName).Length / 1024.0 / 1024.0:0.0} MiB)");
        await output.WriteLineAsync($"highest glibc version needed: GLIBC_{ElfVersionNeeds.HighestGlibc(needs)}");
        await output.WriteLineAsync($"{signIns} warm sign-ins under {Qemu}: every one migrated (CONFIRMED), {bridge.ProcessStarts} process start(s)");
        return 0;
    }
}
