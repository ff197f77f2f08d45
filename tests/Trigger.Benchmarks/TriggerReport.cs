using System.Globalization;

namespace Trigger.Benchmarks;

/// <summary>
/// The trigger benchmark's figures against the targets: the shipped cold start at most 0.6 of the
/// JIT one, and the shipped function's own p99 overhead per warm invocation at most 1 ms.
/// </summary>
internal sealed class TriggerReport
{
    /// <summary>Shipped first-response median over JIT first-response median, at most.</summary>
    public const double ColdStartRatioTarget = 0.6;

    /// <summary>p99 of durationMs - oldPoolMs for the shipped function, at most, in milliseconds.</summary>
    public const double WarmOverheadP99TargetMs = 1.0;

    private readonly MachineDescription _machine;
    private readonly LoadAverageSummary _load;
    private readonly TriggerBenchmarkSettings _settings;
    private readonly string _runtimes;

    public TriggerReport(
        MachineDescription machine,
        LoadAverageSummary load,
        TriggerBenchmarkSettings settings,
        string runtimes,
        IReadOnlyList<ColdStartSample> coldStarts,
        WarmResult shippedWarm,
        WarmResult jitWarm)
    {
        _machine = machine;
        _load = load;
        _settings = settings;
        _runtimes = runtimes;
        var shippedCold = coldStarts.Where(sample => sample.Flavour == FunctionFlavour.ShippedName).ToList();
        var jitCold = coldStarts.Where(sample => sample.Flavour == FunctionFlavour.JitName).ToList();

        ColdStartRatio = Median(shippedCold, s => s.FirstResponseMs) / Median(jitCold, s => s.FirstResponseMs);
        ColdStartCpuRatio = Median(shippedCold, s => s.Usage.CpuTime.TotalMilliseconds) / Median(jitCold, s => s.Usage.CpuTime.TotalMilliseconds);
        ShippedOverheadP99Ms = Percentiles.Of([.. shippedWarm.Samples.Select(s => s.OverheadMs)], 99);
        ColdStart = new ReportTable(
            $"Cold start: {settings.ColdStarts} per flavour, alternating, medians (nearest rank)",
            [
                Compare("process start -> first migration response (ms)", shippedCold, jitCold, s => s.FirstResponseMs,
                    $"<= {ColdStartRatioTarget:0.0#} x jit: {Verdict(ColdStartRatio <= ColdStartRatioTarget)}"),
                Spread("same, fastest - slowest (ms)", shippedCold, jitCold, s => s.FirstResponseMs),
                Compare("CPU time (user+sys) to first response (ms)", shippedCold, jitCold, s => s.Usage.CpuTime.TotalMilliseconds,
                    $"<= {ColdStartRatioTarget:0.0#} x jit: {Verdict(ColdStartCpuRatio <= ColdStartRatioTarget)} (noise-robust proxy)"),
                Compare("process start -> first next = init (ms)", shippedCold, jitCold, s => s.InitMs),
                Compare("first invoke round trip at the bridge (ms)", shippedCold, jitCold, s => s.InvokeMs),
                Compare("first invocation, function's durationMs (ms)", shippedCold, jitCold, s => s.DurationMs),
                Compare("first invocation, function's oldPoolMs (ms)", shippedCold, jitCold, s => s.OldPoolMs),
                Compare("peak RSS after first response, VmHWM (MiB)", shippedCold, jitCold, s => s.Usage.PeakResidentKib / 1024.0),
            ]);
        Warm = new ReportTable(
            $"Warm: {settings.Invocations} invocations per flavour after {settings.WarmUp} discarded, one environment",
            [
                Warmly("overhead = durationMs - oldPoolMs, p50 (ms)", shippedWarm, jitWarm, s => s.OverheadMs, 50),
                Warmly("overhead = durationMs - oldPoolMs, p99 (ms)", shippedWarm, jitWarm, s => s.OverheadMs, 99,
                    $"<= {WarmOverheadP99TargetMs:0.0#} ms: {Verdict(ShippedOverheadP99Ms <= WarmOverheadP99TargetMs)}"),
                Warmly("overhead, max (ms)", shippedWarm, jitWarm, s => s.OverheadMs, 100),
                Warmly("bridge round trip - oldPoolMs, p50 (ms)", shippedWarm, jitWarm, s => s.RoundTripOverheadMs, 50),
                Warmly("bridge round trip - oldPoolMs, p99 (ms)", shippedWarm, jitWarm, s => s.RoundTripOverheadMs, 99),
                Warmly("old pool, oldPoolMs, p50 (ms)", shippedWarm, jitWarm, s => s.OldPoolMs, 50),
                Warmly("function durationMs, p50 (ms)", shippedWarm, jitWarm, s => s.DurationMs, 50),
                Row("runtime process CPU per invocation (ms)", shippedWarm.CpuPerInvocationMs, jitWarm.CpuPerInvocationMs),
                Row("peak RSS after warm run, VmHWM (MiB)", shippedWarm.Usage.PeakResidentKib / 1024.0, jitWarm.Usage.PeakResidentKib / 1024.0),
                Row("RSS after warm run, VmRSS (MiB)", shippedWarm.Usage.ResidentKib / 1024.0, jitWarm.Usage.ResidentKib / 1024.0),
            ]);
    }

    public double ColdStartRatio { get; }

    public double ColdStartCpuRatio { get; }

    public double ShippedOverheadP99Ms { get; }

    public ReportTable ColdStart { get; }

    public ReportTable Warm { get; }

    /// <summary>The command that reproduces this run.</summary>
    public string Command =>
        "dotnet run -c Release --project tests/Trigger.Benchmarks -- trigger" +
        F($" --cold-starts {_settings.ColdStarts} --invocations {_settings.Invocations} --warm-up {_settings.WarmUp}") +
        string.Concat(_settings.ExtraFunctionEnvironment.Select(pair => $" --function-env {pair.Key}={pair.Value}"));

    public async Task WritePlainAsync(TextWriter output)
    {
        await output.WriteLineAsync();
        foreach (var line in Context())
        {
            await output.WriteLineAsync(line);
        }

        await output.WriteLineAsync();
        await ColdStart.WritePlainAsync(output);
        await Warm.WritePlainAsync(output);
    }

    public async Task WriteMarkdownAsync(TextWriter output)
    {
        await output.WriteLineAsync("## Trigger benchmark");
        await output.WriteLineAsync();
        foreach (var line in Context())
        {
            await output.WriteLineAsync($"- {line}");
        }

        await output.WriteLineAsync();
        await ColdStart.WriteMarkdownAsync(output);
        await Warm.WriteMarkdownAsync(output);
    }

    private IEnumerable<string> Context()
    {
        yield return F($"Measured: {_machine.MeasuredAt:yyyy-MM-dd HH:mm} UTC");
        yield return F($"Machine: {_machine.ProcessorCount} CPUs ({_machine.CpuModel}), {_machine.MemoryGib:0.0} GiB memory, {_machine.OperatingSystem}");
        yield return $"Runtimes: {_runtimes}";
        yield return F($"Load average (1 min) during the run: {_load.AtStart:0.00} at start, {_load.Mean:0.00} mean, {_load.Highest:0.00} highest, {_load.AtEnd:0.00} at end");
        yield return $"Command: `{Command}`";
        if (_settings.ExtraFunctionEnvironment.Count > 0)
        {
            yield return "EXPERIMENT: extra function environment set; these are not the reference figures.";
        }
    }

    private static ReportRow Compare(
        string figure, List<ColdStartSample> shipped, List<ColdStartSample> jit, Func<ColdStartSample, double> value, string target = "")
    {
        var s = Median(shipped, value);
        var j = Median(jit, value);
        return new ReportRow(figure, Ms(s), Ms(j), F($"{s / j:0.00}"), target);
    }

    private static ReportRow Spread(string figure, List<ColdStartSample> shipped, List<ColdStartSample> jit, Func<ColdStartSample, double> value) =>
        new(figure, Range(shipped, value), Range(jit, value), "", "");

    private static ReportRow Warmly(
        string figure, WarmResult shipped, WarmResult jit, Func<WarmSample, double> value, double percentile, string target = "") =>
        new(
            figure,
            Ms(Percentiles.Of([.. shipped.Samples.Select(value)], percentile)),
            Ms(Percentiles.Of([.. jit.Samples.Select(value)], percentile)),
            "",
            target);

    private static ReportRow Row(string figure, double shipped, double jit) => new(figure, Ms(shipped), Ms(jit), F($"{shipped / jit:0.00}"), "");

    private static double Median(List<ColdStartSample> samples, Func<ColdStartSample, double> value) =>
        Percentiles.Median([.. samples.Select(value)]);

    private static string Range(List<ColdStartSample> samples, Func<ColdStartSample, double> value) =>
        F($"{samples.Min(value):0.0} - {samples.Max(value):0.0}");

    private static string Ms(double value) => F($"{value:0.00}");

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
