using System.Globalization;
using System.Text;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// A progress bar with rate and ETA on the messages stream: redrawn in place on a terminal, one line
/// per interval otherwise (logs, CI). The rate is measured over the last few reports, so the ETA
/// follows throttling and pauses instead of the whole run's average.
/// </summary>
internal sealed class ProgressMeter
{
    private const int BarWidth = 24;
    private static readonly TimeSpan _rateWindow = TimeSpan.FromSeconds(15);

    private readonly TextWriter _writer;
    private readonly TimeProvider _time;
    private readonly string _noun;
    private readonly bool _interactive;
    private readonly TimeSpan _interval;
    private readonly Queue<(long Timestamp, long Done)> _samples = new();
    private readonly object _gate = new();
    private long _lastPrinted;
    private bool _drewInPlace;

    public ProgressMeter(TextWriter writer, TimeProvider time, string noun, long? total, bool interactive, TimeSpan interval)
    {
        _writer = writer;
        _time = time;
        _noun = noun;
        Total = total is > 0 ? total : null;
        _interactive = interactive;
        _interval = interval;
        _lastPrinted = time.GetTimestamp();
    }

    /// <summary>The expected count, when known (a snapshot's summary, a pool's estimate).</summary>
    public long? Total { get; set; }

    /// <summary>Records <paramref name="done"/> and prints when the interval has passed.</summary>
    public void Report(long done)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _samples.Enqueue((now, done));
            while (_samples.Count > 2 && _time.GetElapsedTime(_samples.Peek().Timestamp, now) > _rateWindow)
            {
                _samples.Dequeue();
            }

            if (_time.GetElapsedTime(_lastPrinted, now) < _interval)
            {
                return;
            }

            _lastPrinted = now;
            Print(done, final: false);
        }
    }

    /// <summary>Prints the last state and ends the line.</summary>
    public void Complete(long done)
    {
        lock (_gate)
        {
            _samples.Enqueue((_time.GetTimestamp(), done));
            Print(done, final: true);
        }
    }

    /// <summary>The rate over the recent window, per second; zero before two samples.</summary>
    public double RecentRate()
    {
        lock (_gate)
        {
            if (_samples.Count < 2)
            {
                return 0;
            }

            var first = _samples.Peek();
            var last = _samples.Last();
            var seconds = _time.GetElapsedTime(first.Timestamp, last.Timestamp).TotalSeconds;
            return seconds > 0 ? (last.Done - first.Done) / seconds : 0;
        }
    }

    private void Print(long done, bool final)
    {
        var rate = RecentRate();
        var line = new StringBuilder();
        if (Total is { } total)
        {
            var fraction = Math.Clamp((double)done / total, 0, 1);
            var filled = (int)Math.Round(fraction * BarWidth);
            line.Append('[').Append('#', filled).Append('.', BarWidth - filled).Append("] ")
                .Append(CultureInfo.InvariantCulture, $"{fraction * 100,5:0.0}% {done:N0}/{total:N0} {_noun}");
        }
        else
        {
            line.Append(CultureInfo.InvariantCulture, $"{done:N0} {_noun}");
        }

        line.Append(CultureInfo.InvariantCulture, $"  {rate:0.0}/s");
        if (Total is { } remainingOf && rate > 0 && done < remainingOf)
        {
            var eta = TimeSpan.FromSeconds(Math.Min((remainingOf - done) / rate, TimeSpan.FromDays(99).TotalSeconds));
            line.Append("  ETA ").Append(FormatDuration(eta));
        }

        if (_interactive)
        {
            _writer.Write('\r');
            _writer.Write(line.ToString().PadRight(78));
            _drewInPlace = true;
            if (final)
            {
                _writer.WriteLine();
                _drewInPlace = false;
            }
        }
        else
        {
            _writer.WriteLine(line.ToString());
        }

        _writer.Flush();
    }

    /// <summary>Ends an in-place line before another message is printed.</summary>
    public void BreakLine()
    {
        lock (_gate)
        {
            if (_drewInPlace)
            {
                _writer.WriteLine();
                _drewInPlace = false;
            }
        }
    }

    internal static string FormatDuration(TimeSpan duration) => duration.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h{duration.Minutes:00}m{duration.Seconds:00}s")
        : string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes}m{duration.Seconds:00}s");
}
