using System.Globalization;
using Trigger.Testing.Lambda;

namespace Trigger.Benchmarks;

/// <summary>
/// Lambda's CPU at a memory size, reproduced with a cgroup v1 CFS quota around the runtime process:
/// Lambda gives CPU in proportion to memory, 1,769 MB being one vCPU (AWS Lambda developer guide,
/// "Configure Lambda function memory"). Needs root and <c>/sys/fs/cgroup/cpu</c> (cgroup v1).
/// </summary>
/// <param name="MemoryMb">The Lambda memory size imitated; null for the machine's full CPU (no quota).</param>
internal sealed record CpuShare(int? MemoryMb)
{
    private const string CpuRoot = "/sys/fs/cgroup/cpu";
    private const int PeriodMicroseconds = 100_000;

    /// <summary>Memory that buys one full vCPU.</summary>
    public const int OneVcpuMb = 1769;

    /// <summary>The fraction of one CPU, 1 for no quota.</summary>
    public double Fraction => MemoryMb is { } mb ? Math.Min(1.0, mb / (double)OneVcpuMb) : 1.0;

    public string Label => MemoryMb is { } mb
        ? string.Create(CultureInfo.InvariantCulture, $"{mb} MB ({Fraction * 100:0.0}% of a CPU)")
        : "full CPU (no quota)";

    private string GroupPath => Path.Combine(CpuRoot, $"trigger-bench-{MemoryMb}");

    /// <summary>Checks that the quota can be set here, with one message saying what is missing.</summary>
    public static void EnsureAvailable()
    {
        if (!Directory.Exists(CpuRoot) || !File.Exists(Path.Combine(CpuRoot, "cpu.cfs_quota_us")))
        {
            throw new InvalidOperationException(
                $"A CPU share needs cgroup v1's cpu controller at {CpuRoot} (cpu.cfs_quota_us); this machine has none. Run without --memory-sizes.");
        }

        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            throw new InvalidOperationException("A CPU share needs root (it creates a cgroup under /sys/fs/cgroup/cpu).");
        }
    }

    /// <summary>
    /// <paramref name="runtime"/> started inside this share's cgroup: a shell puts itself in the group and
    /// execs the runtime, so the process the bridge times (same pid) is quota-bound from its first instruction.
    /// </summary>
    public RuntimeCommand Wrap(RuntimeCommand runtime)
    {
        if (MemoryMb is null)
        {
            return runtime;
        }

        Directory.CreateDirectory(GroupPath);
        File.WriteAllText(Path.Combine(GroupPath, "cpu.cfs_period_us"), PeriodMicroseconds.ToString(CultureInfo.InvariantCulture));
        File.WriteAllText(
            Path.Combine(GroupPath, "cpu.cfs_quota_us"),
            ((int)Math.Round(Fraction * PeriodMicroseconds)).ToString(CultureInfo.InvariantCulture));
        var procs = Path.Combine(GroupPath, "cgroup.procs");
        return runtime with
        {
            FileName = "/bin/sh",
            Arguments = ["-c", $"echo $$ > {procs} && exec \"$0\" \"$@\"", runtime.FileName, .. runtime.Arguments],
        };
    }

    /// <summary>Removes the cgroup (empty once its processes are gone).</summary>
    public void Remove()
    {
        if (MemoryMb is not null && Directory.Exists(GroupPath))
        {
            try
            {
                Directory.Delete(GroupPath);
            }
            catch (IOException)
            {
                // A process still dying holds it; the next run reuses it.
            }
        }
    }
}
