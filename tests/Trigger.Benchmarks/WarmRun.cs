using Trigger.Testing.Lambda;

namespace Trigger.Benchmarks;

/// <summary>
/// Warm invocations in one execution environment: a warm-up that is thrown away, then the measured
/// sign-ins one after another (a function with concurrency 1), each matched to its own log line.
/// </summary>
internal static class WarmRun
{
    private static readonly TimeSpan _logWait = TimeSpan.FromSeconds(30);

    public static async Task<WarmResult> RunAsync(
        OldPoolWorld world, FunctionFlavour flavour, TriggerBenchmarkSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var bridge = await LambdaRuntimeBridge.StartAsync(world.BridgeOptions(flavour, settings.ExtraFunctionEnvironment), cancellationToken);
        for (var i = 0; i < settings.WarmUp; i++)
        {
            MigrationCheck.Ensure(await bridge.InvokeAsync(world.SignInEvent, cancellationToken), flavour);
        }

        await progress.WriteLineAsync($"warm {flavour.Name}: {settings.WarmUp} warm-up invocations done, measuring {settings.Invocations}");
        var before = RuntimeProcessUsage.Read(RuntimeProcessId(bridge));
        var measured = new List<LambdaInvocation>(settings.Invocations);
        for (var i = 0; i < settings.Invocations; i++)
        {
            var invocation = await bridge.InvokeAsync(world.SignInEvent, cancellationToken);
            MigrationCheck.Ensure(invocation, flavour);
            measured.Add(invocation);
        }

        var usage = RuntimeProcessUsage.Read(RuntimeProcessId(bridge));
        if (bridge.ProcessStarts != 1)
        {
            throw new InvalidOperationException(
                $"The {flavour.Name} runtime was restarted during the warm run ({bridge.ProcessStarts} processes): the figures would mix cold starts in.");
        }

        var lines = await FunctionLog.WaitForAsync(bridge, [.. measured.Select(invocation => invocation.RequestId)], _logWait, cancellationToken);
        var samples = measured.Select(invocation =>
        {
            var line = lines[invocation.RequestId];
            if (line.Outcome != "migrated")
            {
                throw new InvalidOperationException($"The {flavour.Name} function logged outcome '{line.Outcome}' for a sign-in it answered.");
            }

            return new WarmSample(line.DurationMs, line.OldPoolMs, invocation.Duration.TotalMilliseconds);
        }).ToList();
        var cpuPerInvocation = (usage.CpuTime - before.CpuTime).TotalMilliseconds / settings.Invocations;
        return new WarmResult(flavour.Name, samples, usage, cpuPerInvocation);
    }

    // The warm-up (at least one invocation, the cold start) has started the process.
    private static int RuntimeProcessId(LambdaRuntimeBridge bridge) =>
        bridge.RuntimeProcessId ?? throw new InvalidOperationException("The bridge reports no runtime process yet.");
}
