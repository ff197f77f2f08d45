using System.Globalization;

namespace Trigger.Demo.Acts;

/// <summary>The function's side of the run: invocations, its execution environment, the slowest answer against the 5 s budget.</summary>
internal static class FunctionSummary
{
    public static void Run(DemoContext c)
    {
        var bridge = c.World.Bridge;
        var lines = c.Log.All;
        c.Out.Section("The function, over the whole run");
        var coldStart = bridge.Starts.FirstOrDefault()?.FirstNextAfter;
        var slowest = lines.Count == 0 ? 0 : lines.Max(l => l.DurationMs);
        var errors = lines.Count(l => l.Outcome == "error");
        var init = coldStart is { } time
            ? $" (cold start: {Milliseconds(time.TotalMilliseconds)} from process start to its first request for work)"
            : "";
        c.Out.Note(
            $"{bridge.Invocations} invocations in {bridge.ProcessStarts} execution environment{(bridge.ProcessStarts == 1 ? "" : "s")}{init}; " +
            $"slowest answer {Milliseconds(slowest)} of Cognito's 5 s budget; {c.Log.OldPoolCalls} old-pool calls; {errors} function errors. " +
            "Its log lines carry outcomes and reasons, never a sign-in name, password or token.");
        if ((lines.FirstOrDefault(l => l.ViaAlias) ?? lines.FirstOrDefault()) is { } sample)
        {
            c.Out.Note("One of its log lines, as CloudWatch Logs would keep it (JSON, one line per invocation, plus one EMF metrics line):");
            c.Out.Line("    " + sample.Raw);
        }

        c.Checks.Expect(bridge.ProcessStarts == 1, "the function", "one execution environment all along (no crash, no timeout)", $"{bridge.ProcessStarts}");
        c.Checks.Expect(errors == 0, "the function", "no function errors", $"{errors}");
        c.Checks.Expect(lines.Count == bridge.Invocations, "the function", "one log line per invocation", $"{lines.Count} lines for {bridge.Invocations} invocations");
    }

    private static string Milliseconds(double value) => value.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
