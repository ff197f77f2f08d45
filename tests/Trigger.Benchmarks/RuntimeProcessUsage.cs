using System.Diagnostics;
using System.Globalization;

namespace Trigger.Benchmarks;

/// <summary>
/// What a runtime process has used so far, as Linux reports it: from <c>/proc/&lt;pid&gt;/status</c>,
/// <c>VmHWM</c> (peak resident set, closest to Lambda's "Max Memory Used") and <c>VmRSS</c> (resident
/// now), in KiB; from <c>/proc/&lt;pid&gt;/stat</c>, the CPU time of all its threads (user + system).
/// </summary>
/// <remarks>
/// CPU time is the cold-start figure least bent by a busy machine: waiting for a CPU does not count.
/// It is also close to Lambda's wall time: at 1,769 MB (the CDK stack's setting) a function gets one
/// vCPU's worth, less below (AWS Lambda developer guide, "Configure Lambda function memory").
/// </remarks>
internal sealed record RuntimeProcessUsage(long PeakResidentKib, long ResidentKib, TimeSpan CpuTime)
{
    /// <summary>Reads the figures of a live process and checks that it is the function's runtime.</summary>
    /// <exception cref="InvalidOperationException">The process is gone, is not a bootstrap, or its status lacks the fields.</exception>
    public static RuntimeProcessUsage Read(int processId)
    {
        string status;
        string commandLine;
        TimeSpan cpuTime;
        try
        {
            status = File.ReadAllText($"/proc/{processId}/status");
            commandLine = File.ReadAllText($"/proc/{processId}/cmdline").Replace('\0', ' ');
            using var process = Process.GetProcessById(processId);
            cpuTime = process.TotalProcessorTime;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Cannot read /proc/{processId}: the runtime process is gone ({e.GetType().Name}).", e);
        }

        // Both flavours run in-process in the one PID: the apphost bootstrap, or the dotnet muxer with bootstrap.dll.
        if (!commandLine.Contains("bootstrap", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Process {processId} is not the function's runtime (its command line is '{commandLine.Trim()}').");
        }

        return new RuntimeProcessUsage(Field(status, "VmHWM:", processId), Field(status, "VmRSS:", processId), cpuTime);
    }

    private static long Field(string status, string name, int processId)
    {
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                // "VmHWM:	   61234 kB"
                var value = line[name.Length..].Trim();
                return long.Parse(value[..value.IndexOf(' ', StringComparison.Ordinal)], NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{processId}/status has no {name} line.");
    }
}
