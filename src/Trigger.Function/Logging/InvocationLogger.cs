using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Trigger.Function.Logging;

/// <summary>
/// Writes one line per invocation (JSON when <c>AWS_LAMBDA_LOG_FORMAT=JSON</c>, text otherwise) and one
/// CloudWatch Embedded Metric Format line for the counts. EMF must stand alone on its line, not inside a
/// log message, for CloudWatch to extract it.
/// </summary>
internal sealed class InvocationLogger(TextWriter output, bool json, LogLevel minimumLevel, TimeProvider time)
{
    /// <summary>The metric namespace in CloudWatch.</summary>
    public const string MetricNamespace = "CognitoUserMigration";

    private readonly Lock _gate = new();

    public static InvocationLogger FromEnvironment(TextWriter output, Func<string, string?> environment, TimeProvider time)
    {
        var json = string.Equals(environment("AWS_LAMBDA_LOG_FORMAT"), "JSON", StringComparison.OrdinalIgnoreCase);
        var level = Enum.TryParse<LogLevel>(environment("AWS_LAMBDA_LOG_LEVEL"), ignoreCase: true, out var parsed) ? parsed : LogLevel.Info;
        return new InvocationLogger(output, json, level, time);
    }

    public void Invocation(InvocationRecord record)
    {
        if (record.Level >= minimumLevel)
        {
            WriteLine(json ? JsonLine(record) : TextLine(record));
        }

        WriteLine(MetricLine(record));
    }

    /// <summary>A line outside any invocation (init, an unexpected failure). <paramref name="message"/> must be a constant text.</summary>
    public void Event(LogLevel level, string message, string? requestId = null)
    {
        if (level < minimumLevel)
        {
            return;
        }

        WriteLine(json
            ? Json(writer =>
            {
                WriteCommon(writer, level, message);
                if (requestId is not null)
                {
                    writer.WriteString("requestId", requestId);
                }
            })
            : $"{Timestamp()} {level.ToString().ToUpperInvariant()} {(requestId is null ? "" : requestId + " ")}{message}");
    }

    private string JsonLine(InvocationRecord r) => Json(writer =>
    {
        WriteCommon(writer, r.Level, "invocation");
        writer.WriteString("requestId", r.RequestId);
        writer.WriteString("triggerSource", r.TriggerSource);
        writer.WriteString("outcome", r.Outcome);
        if (r.Reason is not null)
        {
            writer.WriteString("reason", r.Reason);
        }

        if (r.FinalUserStatus is not null)
        {
            writer.WriteString("finalUserStatus", r.FinalUserStatus);
        }

        writer.WriteBoolean("viaAlias", r.ViaAlias);
        writer.WriteNumber("droppedAttributeCount", r.DroppedAttributes.Count);
        if (r.DroppedAttributes.Count > 0)
        {
            writer.WriteStartArray("droppedAttributes");
            foreach (var name in r.DroppedAttributes)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
        }

        if (r.GroupsRecorded > 0 || r.GroupsAdded > 0 || r.GroupsMissing.Count > 0 || r.GroupsFailure is not null || r.GroupsInTokens > 0)
        {
            writer.WriteNumber("groupsRecorded", r.GroupsRecorded);
            writer.WriteNumber("groupsAdded", r.GroupsAdded);
            writer.WriteNumber("groupsInTokens", r.GroupsInTokens);
            writer.WriteStartArray("groupsMissing");
            foreach (var name in r.GroupsMissing)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            if (r.GroupsFailure is not null)
            {
                writer.WriteString("groupsFailure", r.GroupsFailure);
            }
        }

        writer.WriteNumber("durationMs", Math.Round(r.DurationMs, 2));
        writer.WriteNumber("oldPoolMs", Math.Round(r.OldPoolMs, 2));
        writer.WriteNumber("oldPoolCalls", r.OldPoolCalls);
    });

    private string TextLine(InvocationRecord r)
    {
        var line = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Timestamp()} {r.Level.ToString().ToUpperInvariant()} {r.RequestId} invocation ")
            .Append(CultureInfo.InvariantCulture, $"triggerSource={r.TriggerSource} outcome={r.Outcome}");
        if (r.Reason is not null)
        {
            line.Append(CultureInfo.InvariantCulture, $" reason={r.Reason}");
        }

        if (r.FinalUserStatus is not null)
        {
            line.Append(CultureInfo.InvariantCulture, $" finalUserStatus={r.FinalUserStatus}");
        }

        line.Append(CultureInfo.InvariantCulture, $" viaAlias={(r.ViaAlias ? "true" : "false")} dropped={r.DroppedAttributes.Count}");
        if (r.DroppedAttributes.Count > 0)
        {
            line.Append('[').AppendJoin(',', r.DroppedAttributes).Append(']');
        }

        if (r.GroupsRecorded > 0 || r.GroupsAdded > 0 || r.GroupsMissing.Count > 0 || r.GroupsFailure is not null || r.GroupsInTokens > 0)
        {
            line.Append(CultureInfo.InvariantCulture, $" groupsRecorded={r.GroupsRecorded} groupsAdded={r.GroupsAdded} groupsInTokens={r.GroupsInTokens} groupsMissing={r.GroupsMissing.Count}");
            if (r.GroupsMissing.Count > 0)
            {
                line.Append('[').AppendJoin(',', r.GroupsMissing).Append(']');
            }

            if (r.GroupsFailure is not null)
            {
                line.Append(CultureInfo.InvariantCulture, $" groupsFailure={r.GroupsFailure}");
            }
        }

        return line.Append(CultureInfo.InvariantCulture, $" durationMs={r.DurationMs:0.##} oldPoolMs={r.OldPoolMs:0.##} oldPoolCalls={r.OldPoolCalls}").ToString();
    }

    private string MetricLine(InvocationRecord r) => Json(writer =>
    {
        writer.WriteStartObject("_aws");
        writer.WriteNumber("Timestamp", time.GetUtcNow().ToUnixTimeMilliseconds());
        writer.WriteStartArray("CloudWatchMetrics");
        writer.WriteStartObject();
        writer.WriteString("Namespace", MetricNamespace);
        writer.WriteStartArray("Dimensions");
        writer.WriteStartArray();
        writer.WriteStringValue("TriggerSource");
        writer.WriteStringValue("Outcome");
        writer.WriteEndArray();
        writer.WriteStartArray();
        writer.WriteStringValue("Reason");
        writer.WriteEndArray();
        writer.WriteEndArray();
        writer.WriteStartArray("Metrics");
        Metric(writer, "Invocations", "Count");
        Metric(writer, "Migrated", "Count");
        Metric(writer, "Refused", "Count");
        Metric(writer, "DroppedAttributes", "Count");
        Metric(writer, "GroupMembershipsAdded", "Count");
        Metric(writer, "GroupsMissing", "Count");
        Metric(writer, "Duration", "Milliseconds");
        Metric(writer, "OldPoolLatency", "Milliseconds");
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteString("TriggerSource", r.TriggerSource);
        writer.WriteString("Outcome", r.Outcome);
        writer.WriteString("Reason", r.Reason ?? "none");
        writer.WriteString("requestId", r.RequestId);
        writer.WriteNumber("Invocations", 1);
        writer.WriteNumber("Migrated", r.Outcome == "migrated" ? 1 : 0);
        writer.WriteNumber("Refused", r.Outcome == "refused" ? 1 : 0);
        writer.WriteNumber("DroppedAttributes", r.DroppedAttributes.Count);
        writer.WriteNumber("GroupMembershipsAdded", r.GroupsAdded);
        writer.WriteNumber("GroupsMissing", r.GroupsMissing.Count);
        writer.WriteNumber("Duration", Math.Round(r.DurationMs, 2));
        writer.WriteNumber("OldPoolLatency", Math.Round(r.OldPoolMs, 2));
    });

    private static void Metric(Utf8JsonWriter writer, string name, string unit)
    {
        writer.WriteStartObject();
        writer.WriteString("Name", name);
        writer.WriteString("Unit", unit);
        writer.WriteEndObject();
    }

    private void WriteCommon(Utf8JsonWriter writer, LogLevel level, string message)
    {
        writer.WriteString("timestamp", Timestamp());
        writer.WriteString("level", level.ToString().ToUpperInvariant());
        writer.WriteString("message", message);
    }

    private string Timestamp() => time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Json(Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private void WriteLine(string line)
    {
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
