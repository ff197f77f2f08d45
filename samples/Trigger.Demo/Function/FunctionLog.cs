using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trigger.Testing.Lambda;

namespace Trigger.Demo.Function;

/// <summary>
/// Reads the function's own log (its stdout, as CloudWatch would get it) line by line as the demo goes, so the
/// tables show what the function decided, in its own words.
/// </summary>
internal sealed class FunctionLog(LambdaRuntimeBridge bridge)
{
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(50);
    private const int MaxPolls = 60;

    private int _readUpTo;
    private int _accountedInvocations;

    /// <summary>Old-pool calls the function reported so far (it is the old pool's only client once seeding is over).</summary>
    public int OldPoolCalls { get; private set; }

    /// <summary>All lines read so far.</summary>
    public List<FunctionLogLine> All { get; } = [];

    /// <summary>
    /// The invocation lines written since the last call. The function's stdout reaches the bridge through a
    /// pipe a moment after its answer, so this waits (boundedly) for one line per new invocation.
    /// </summary>
    public async Task<IReadOnlyList<FunctionLogLine>> TakeNewAsync(CancellationToken cancellationToken)
    {
        var expected = bridge.Invocations - _accountedInvocations;
        var text = bridge.StandardOutput;
        var lines = Parse(text[_readUpTo..]);
        for (var poll = 0; lines.Count < expected && poll < MaxPolls; poll++)
        {
            await Task.Delay(_pollInterval, cancellationToken);
            text = bridge.StandardOutput;
            lines = Parse(text[_readUpTo..]);
        }

        _readUpTo = text.Length;
        _accountedInvocations += expected;
        OldPoolCalls += lines.Sum(l => l.OldPoolCalls);
        All.AddRange(lines);
        return lines;
    }

    private static List<FunctionLogLine> Parse(string text)
    {
        var lines = new List<FunctionLogLine>();
        foreach (var raw in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            JsonObject? json;
            try
            {
                json = JsonNode.Parse(raw) as JsonObject;
            }
            catch (JsonException)
            {
                continue;
            }

            if (json?["message"]?.GetValue<string>() != "invocation")
            {
                continue;
            }

            lines.Add(new FunctionLogLine
            {
                Raw = raw,
                RequestId = json["requestId"]?.GetValue<string>() ?? "",
                TriggerSource = json["triggerSource"]?.GetValue<string>() ?? "",
                Outcome = json["outcome"]?.GetValue<string>() ?? "",
                Reason = json["reason"]?.GetValue<string>(),
                FinalUserStatus = json["finalUserStatus"]?.GetValue<string>(),
                ViaAlias = json["viaAlias"]?.GetValue<bool>() ?? false,
                DroppedAttributes = json["droppedAttributes"]?.AsArray().Select(n => n?.GetValue<string>() ?? "").ToArray() ?? [],
                DurationMs = Number(json["durationMs"]),
                OldPoolCalls = (int)Number(json["oldPoolCalls"]),
            });
        }

        return lines;
    }

    private static double Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) ? number
        : double.TryParse(node?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
}
