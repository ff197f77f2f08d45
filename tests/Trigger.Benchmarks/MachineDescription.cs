using System.Runtime.InteropServices;

namespace Trigger.Benchmarks;

/// <summary>The machine and runtime the figures were measured on, from <c>/proc</c> and the running .NET.</summary>
internal sealed record MachineDescription(
    int ProcessorCount, double MemoryGib, string CpuModel, string Runtime, string OperatingSystem, DateTimeOffset MeasuredAt)
{
    public static MachineDescription Read(TimeProvider time) => new(
        Environment.ProcessorCount,
        ReadMemoryTotalKib() / 1024.0 / 1024.0,
        ReadCpuModel(),
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        time.GetUtcNow());

    private static string ReadCpuModel() =>
        File.ReadLines("/proc/cpuinfo")
            .FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?
            .Split(':', 2)[1].Trim()
        ?? "unknown";

    // "MemTotal:       24576000 kB"
    private static long ReadMemoryTotalKib() =>
        File.ReadLines("/proc/meminfo")
            .Where(line => line.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
}
