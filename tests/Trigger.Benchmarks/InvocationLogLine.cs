using System.Text.Json;

namespace Trigger.Benchmarks;

/// <summary>
/// The function's own summary of one invocation: its JSON log line (<c>"message":"invocation"</c>),
/// written with <c>AWS_LAMBDA_LOG_FORMAT=JSON</c>. The times are the function's, measured inside it.
/// </summary>
/// <param name="RequestId">The Lambda request id the line belongs to.</param>
/// <param name="Outcome">migrated, refused, allowed or error.</param>
/// <param name="DurationMs">From the event's arrival in the handler to its answer being ready.</param>
/// <param name="OldPoolMs">Time spent in calls to the old pool, retries included.</param>
internal sealed record InvocationLogLine(string RequestId, string Outcome, double DurationMs, double OldPoolMs)
{
    /// <summary>Every invocation line in <paramref name="standardOutput"/>, by request id; other lines (EMF, init) are skipped.</summary>
    public static Dictionary<string, InvocationLogLine> ParseAll(string standardOutput)
    {
        var lines = new Dictionary<string, InvocationLogLine>(StringComparer.Ordinal);
        foreach (var line in standardOutput.Split('\n'))
        {
            if (TryParse(line) is { } parsed)
            {
                lines[parsed.RequestId] = parsed;
            }
        }

        return lines;
    }

    private static InvocationLogLine? TryParse(string line)
    {
        if (!line.StartsWith("{\"timestamp\"", StringComparison.Ordinal))
        {
            return null;
        }

        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        return root.TryGetProperty("message", out var message) && message.ValueEquals("invocation")
            && root.TryGetProperty("requestId", out var requestId)
            && root.TryGetProperty("outcome", out var outcome)
            && root.TryGetProperty("durationMs", out var duration)
            && root.TryGetProperty("oldPoolMs", out var oldPool)
                ? new InvocationLogLine(requestId.GetString()!, outcome.GetString()!, duration.GetDouble(), oldPool.GetDouble())
                : null;
    }
}
