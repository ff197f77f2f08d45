using Trigger.Testing.Lambda;

namespace Trigger.Benchmarks;

/// <summary>Collects the function's invocation lines from a bridge's captured stdout, which arrives through a pipe a little after each answer.</summary>
internal static class FunctionLog
{
    private static readonly TimeSpan _poll = TimeSpan.FromMilliseconds(50);

    /// <summary>Waits, bounded, until every request in <paramref name="requestIds"/> has its line.</summary>
    /// <exception cref="InvalidOperationException">A line is still missing after <paramref name="limit"/>.</exception>
    public static async Task<Dictionary<string, InvocationLogLine>> WaitForAsync(
        LambdaRuntimeBridge bridge, IReadOnlyCollection<string> requestIds, TimeSpan limit, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var lines = InvocationLogLine.ParseAll(bridge.StandardOutput);
            var missing = requestIds.Count(id => !lines.ContainsKey(id));
            if (missing == 0)
            {
                return lines;
            }

            if (waited >= limit)
            {
                throw new InvalidOperationException(
                    $"{missing} of {requestIds.Count} invocations have no JSON 'invocation' log line after {limit.TotalSeconds:0} s.");
            }

            await Task.Delay(_poll, cancellationToken);
            waited += _poll;
        }
    }
}
