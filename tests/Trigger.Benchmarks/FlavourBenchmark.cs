using System.Globalization;
using System.Text.Json.Nodes;
using Trigger.Testing.Lambda;

namespace Trigger.Benchmarks;

/// <summary>
/// Native AOT (what ships) against composite ReadyToRun against plain JIT in one run: cold starts at the
/// machine's full CPU and at Lambda memory sizes' CPU shares (flavours alternating, order flipped every
/// round), then a warm run of each flavour at full CPU. Prints Markdown tables.
/// </summary>
internal static class FlavourBenchmark
{
    private static readonly TimeSpan _logWait = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(
        int coldStarts, IReadOnlyList<int> memorySizes, IReadOnlyList<int> jitMemorySizes, TriggerBenchmarkSettings warm,
        TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        if (memorySizes.Count > 0)
        {
            CpuShare.EnsureAvailable();
        }

        var time = TimeProvider.System;
        await progress.WriteLineAsync("building AOT (the default publish), ReadyToRun (-p:TriggerBuild=r2r) and JIT, unless up to date...");
        var aot = new FunctionFlavour("aot", await FunctionArtifact.GetPublishedAsync(cancellationToken));
        var r2r = new FunctionFlavour("r2r", await FunctionArtifact.GetReadyToRunAsync(cancellationToken));
        var jit = new FunctionFlavour("jit", await FunctionArtifact.GetJitBuildAsync(cancellationToken));

        await using var load = LoadAverageSampler.Start(time);
        var machine = MachineDescription.Read(time);
        await using var world = await OldPoolWorld.StartAsync(cancellationToken);

        var shares = new List<CpuShare> { new(null) };
        shares.AddRange(memorySizes.OrderByDescending(mb => mb).Select(mb => new CpuShare(mb)));
        var cold = new List<(CpuShare Share, string Flavour, List<Cold> Samples)>();
        foreach (var share in shares)
        {
            FunctionFlavour[] flavours = share.MemoryMb is null || jitMemorySizes.Contains(share.MemoryMb.Value) ? [aot, r2r, jit] : [aot, r2r];
            var wrapped = flavours.Select(f => f with { Runtime = share.Wrap(f.Runtime) }).ToArray();
            var samples = wrapped.ToDictionary(f => f.Name, _ => new List<Cold>());
            foreach (var flavour in wrapped)
            {
                await MeasureOnceAsync(world, flavour, cancellationToken); // discarded: first read from disk
            }

            for (var round = 0; round < coldStarts; round++)
            {
                foreach (var flavour in round % 2 == 0 ? wrapped : wrapped.Reverse())
                {
                    var sample = await MeasureOnceAsync(world, flavour, cancellationToken);
                    samples[flavour.Name].Add(sample);
                    await progress.WriteLineAsync(F($"{share.Label} {round + 1}/{coldStarts} {flavour.Name}: first answer {sample.FirstResponseMs:0} ms, CPU {sample.CpuMs:0} ms, {(sample.Migrated ? "migrated" : "NOT migrated")}"));
                }
            }

            share.Remove();
            cold.AddRange(samples.Select(pair => (share, pair.Key, pair.Value)));
        }

        var warmResults = new List<WarmResult>();
        foreach (var flavour in new[] { aot, r2r, jit })
        {
            warmResults.Add(await WarmRun.RunAsync(world, flavour, warm, progress, cancellationToken));
        }

        var loadSummary = await load.StopAsync();
        await output.WriteLineAsync("## Flavour benchmark: Native AOT, composite ReadyToRun, JIT");
        await output.WriteLineAsync();
        await output.WriteLineAsync(F($"- Measured: {machine.MeasuredAt:yyyy-MM-dd HH:mm} UTC"));
        await output.WriteLineAsync(F($"- Machine: {machine.ProcessorCount} CPUs ({machine.CpuModel}), {machine.MemoryGib:0.0} GiB memory, {machine.OperatingSystem}"));
        await output.WriteLineAsync(F($"- Load average (1 min) during the run: {loadSummary.AtStart:0.00} at start, {loadSummary.Mean:0.00} mean, {loadSummary.Highest:0.00} highest, {loadSummary.AtEnd:0.00} at end"));
        await output.WriteLineAsync(F($"- Cold starts: {coldStarts} per flavour and CPU share, alternating; warm: {warm.Invocations} invocations after {warm.WarmUp} discarded, full CPU"));
        await output.WriteLineAsync();
        await output.WriteLineAsync("| CPU share | flavour | first answer median (ms) | max (ms) | CPU to first answer median (ms) | peak RSS after first answer (MiB) | migrated | vs r2r (median) |");
        await output.WriteLineAsync("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var group in cold.GroupBy(c => c.Share))
        {
            var r2rMedian = Percentiles.Median([.. group.Single(g => g.Flavour == "r2r").Samples.Select(s => s.FirstResponseMs)]);
            foreach (var (share, flavour, samples) in group)
            {
                var median = Percentiles.Median([.. samples.Select(s => s.FirstResponseMs)]);
                await output.WriteLineAsync(F(
                    $"| {share.Label} | {flavour} | {median:0} | {samples.Max(s => s.FirstResponseMs):0} | {Percentiles.Median([.. samples.Select(s => s.CpuMs)]):0} | {Percentiles.Median([.. samples.Select(s => s.PeakRssMib)]):0.0} | {samples.Count(s => s.Migrated)}/{samples.Count} | {median / r2rMedian:0.00} |"));
            }
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("| warm, full CPU | overhead p50 (ms) | overhead p99 (ms) | CPU per invocation (ms) | peak RSS after the warm run (MiB) |");
        await output.WriteLineAsync("| --- | ---: | ---: | ---: | ---: |");
        foreach (var result in warmResults)
        {
            await output.WriteLineAsync(F(
                $"| {result.Flavour} | {Percentiles.Of([.. result.Samples.Select(s => s.OverheadMs)], 50):0.00} | {Percentiles.Of([.. result.Samples.Select(s => s.OverheadMs)], 99):0.00} | {result.CpuPerInvocationMs:0.00} | {result.Usage.PeakResidentKib / 1024.0:0.0} |"));
        }

        return 0;
    }

    private static async Task<Cold> MeasureOnceAsync(OldPoolWorld world, FunctionFlavour flavour, CancellationToken cancellationToken)
    {
        await using var bridge = await LambdaRuntimeBridge.StartAsync(world.BridgeOptions(flavour, []), cancellationToken);
        var invocation = await bridge.InvokeAsync(world.SignInEvent, cancellationToken);
        var usage = RuntimeProcessUsage.Read(bridge.RuntimeProcessId
            ?? throw new InvalidOperationException("The bridge reports no runtime process after an invocation."));
        var start = bridge.Starts.Single();
        // A refusal here is the function's own verdict at this share (its budget, counted from process
        // start, ran out): counted, and the time to that answer still measured.
        var migrated = invocation.Status == LambdaInvocationStatus.Succeeded
            && JsonNode.Parse(invocation.Payload)?["response"]?["finalUserStatus"]?.GetValue<string>() == "CONFIRMED";
        await FunctionLog.WaitForAsync(bridge, [invocation.RequestId], _logWait, cancellationToken);
        return new Cold(
            start.FirstResponseAfter?.TotalMilliseconds ?? double.NaN,
            usage.CpuTime.TotalMilliseconds,
            usage.PeakResidentKib / 1024.0,
            migrated);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Cold(double FirstResponseMs, double CpuMs, double PeakRssMib, bool Migrated);
}
