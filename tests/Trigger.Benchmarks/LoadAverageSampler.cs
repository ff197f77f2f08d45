using System.Globalization;

namespace Trigger.Benchmarks;

/// <summary>
/// Samples the 1-minute load average from <c>/proc/loadavg</c> every few seconds while the benchmark runs:
/// the machine is shared, and the figures mean little without knowing how busy it was.
/// </summary>
internal sealed class LoadAverageSampler : IAsyncDisposable
{
    private static readonly TimeSpan _interval = TimeSpan.FromSeconds(2);

    private readonly List<double> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LoadAverageSampler(TimeProvider time)
    {
        _samples.Add(ReadOneMinute());
        _loop = SampleAsync(time);
    }

    public static LoadAverageSampler Start(TimeProvider time) => new(time);

    /// <summary>Stops sampling and summarises: at the start, the highest seen, at the end.</summary>
    public async Task<LoadAverageSummary> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        lock (_samples)
        {
            _samples.Add(ReadOneMinute());
            return new LoadAverageSummary(_samples[0], _samples.Max(), _samples[^1], _samples.Average());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task SampleAsync(TimeProvider time)
    {
        using var timer = new PeriodicTimer(_interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var load = ReadOneMinute();
                lock (_samples)
                {
                    _samples.Add(load);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    // "0.80 2.08 4.20 1/345 6789": the first field is the 1-minute average.
    private static double ReadOneMinute() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture);
}
