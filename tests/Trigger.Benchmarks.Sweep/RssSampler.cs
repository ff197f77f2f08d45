using System.Diagnostics;
using System.Globalization;

namespace Trigger.Benchmarks.Sweep;

/// <summary>Samples this process's resident set size (VmRSS) once a second; the peak comes from VmHWM.</summary>
internal sealed class RssSampler : IDisposable
{
    private readonly List<(double, double)> _samples = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;

    public RssSampler()
    {
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    public IReadOnlyList<(double Seconds, double RssMb)> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    public static double PeakRssMb() => StatusKilobytes("VmHWM:") / 1024.0;

    public void Stop() => _timer.Change(Timeout.Infinite, Timeout.Infinite);

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var rss = StatusKilobytes("VmRSS:") / 1024.0;
        lock (_samples)
        {
            _samples.Add((_clock.Elapsed.TotalSeconds, rss));
        }
    }

    private static long StatusKilobytes(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
