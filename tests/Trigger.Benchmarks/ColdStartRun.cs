using Trigger.Testing.Lambda;

namespace Trigger.Benchmarks;

/// <summary>
/// Cold starts, each in a fresh bridge: start the runtime process, send one sign-in, read the bridge's
/// start timings and the process's CPU time and memory, kill it. Flavours alternate, and the order flips
/// every round, so a burst of load from the other builds on the machine hits both flavours alike.
/// </summary>
internal static class ColdStartRun
{
    private static readonly TimeSpan _logWait = TimeSpan.FromSeconds(10);

    public static async Task<IReadOnlyList<ColdStartSample>> RunAsync(
        OldPoolWorld world, IReadOnlyList<FunctionFlavour> flavours, TriggerBenchmarkSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        var rounds = settings.ColdStarts;

        // One discarded start per flavour: the first read of each artifact from disk, and the harness's
        // own JIT (the fake old pool, the bridge), would otherwise be charged to whoever goes first.
        foreach (var flavour in flavours)
        {
            var discarded = await MeasureOnceAsync(world, flavour, settings, cancellationToken);
            await progress.WriteLineAsync($"cold start {flavour.Name} (discarded warm-up): {discarded.FirstResponseMs:0.0} ms");
        }

        var samples = new List<ColdStartSample>(rounds * flavours.Count);
        for (var round = 0; round < rounds; round++)
        {
            var order = round % 2 == 0 ? flavours : flavours.Reverse().ToArray();
            foreach (var flavour in order)
            {
                var sample = await MeasureOnceAsync(world, flavour, settings, cancellationToken);
                samples.Add(sample);
                await progress.WriteLineAsync(
                    $"cold start {round + 1}/{rounds} {flavour.Name}: first response {sample.FirstResponseMs:0.0} ms, " +
                    $"init {sample.InitMs:0.0} ms, CPU {sample.Usage.CpuTime.TotalMilliseconds:0} ms, peak RSS {sample.Usage.PeakResidentKib / 1024.0:0.0} MiB");
            }
        }

        return samples;
    }

    private static async Task<ColdStartSample> MeasureOnceAsync(
        OldPoolWorld world, FunctionFlavour flavour, TriggerBenchmarkSettings settings, CancellationToken cancellationToken)
    {
        await using var bridge = await LambdaRuntimeBridge.StartAsync(world.BridgeOptions(flavour, settings.ExtraFunctionEnvironment), cancellationToken);
        var invocation = await bridge.InvokeAsync(world.SignInEvent, cancellationToken);
        MigrationCheck.Ensure(invocation, flavour);

        // Read while the process idles in its next call, before the bridge kills it.
        var usage = RuntimeProcessUsage.Read(bridge.RuntimeProcessId
            ?? throw new InvalidOperationException("The bridge reports no runtime process after an invocation."));
        var start = bridge.Starts.Single();
        var line = await FunctionLog.WaitForAsync(bridge, [invocation.RequestId], _logWait, cancellationToken);
        return new ColdStartSample(
            flavour.Name,
            InitMs: start.FirstNextAfter!.Value.TotalMilliseconds,
            FirstResponseMs: start.FirstResponseAfter!.Value.TotalMilliseconds,
            InvokeMs: invocation.Duration.TotalMilliseconds,
            DurationMs: line[invocation.RequestId].DurationMs,
            OldPoolMs: line[invocation.RequestId].OldPoolMs,
            usage);
    }
}
