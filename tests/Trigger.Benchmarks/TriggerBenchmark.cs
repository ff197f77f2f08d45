using Trigger.Testing.Lambda;

namespace Trigger.Benchmarks;

/// <summary>
/// The trigger benchmark in one run: builds both flavours of the function, starts the fake old pool,
/// measures cold starts (alternating), then a warm run of each flavour, and prints the report.
/// </summary>
internal static class TriggerBenchmark
{
    public static async Task<int> RunAsync(
        TriggerBenchmarkSettings settings, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        await progress.WriteLineAsync("building the shipped artifact (dotnet publish) and the JIT build, unless up to date...");
        var shipped = new FunctionFlavour(FunctionFlavour.ShippedName, await FunctionArtifact.GetPublishedAsync(cancellationToken));
        var jit = new FunctionFlavour(FunctionFlavour.JitName, await FunctionArtifact.GetJitBuildAsync(cancellationToken));
        await progress.WriteLineAsync($"shipped: {shipped.Runtime.FileName}");
        await progress.WriteLineAsync($"jit:     {jit.Runtime.FileName} {string.Join(' ', jit.Runtime.Arguments)}");

        // Sampling starts after the builds: the figures' load, not the compiler's.
        await using var load = LoadAverageSampler.Start(time);
        var machine = MachineDescription.Read(time);
        await using var world = await OldPoolWorld.StartAsync(cancellationToken);

        var coldStarts = await ColdStartRun.RunAsync(world, [shipped, jit], settings, progress, cancellationToken);
        var shippedWarm = await WarmRun.RunAsync(world, shipped, settings, progress, cancellationToken);
        var jitWarm = await WarmRun.RunAsync(world, jit, settings, progress, cancellationToken);

        var runtimes = $"{shipped.Name} on {shipped.RuntimeVersion(machine.Runtime)}, {jit.Name} on {jit.RuntimeVersion(machine.Runtime)}";
        var report = new TriggerReport(machine, await load.StopAsync(), settings, runtimes, coldStarts, shippedWarm, jitWarm);
        await report.WritePlainAsync(output);
        await report.WriteMarkdownAsync(output);
        return 0;
    }
}
