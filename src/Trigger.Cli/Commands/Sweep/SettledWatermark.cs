namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// Users are started in listing order and settle in any order; the watermark is the position of the
/// oldest one not yet settled (or just after the last started one), the safe place to resume from.
/// </summary>
internal sealed class SettledWatermark(SourcePosition start)
{
    private readonly object _gate = new();
    private readonly Queue<Entry> _order = new();
    private readonly Dictionary<long, Entry> _bySequence = [];
    private SourcePosition _next = start;

    public SourcePosition Position
    {
        get
        {
            lock (_gate)
            {
                return _order.Count > 0 ? _order.Peek().At : _next;
            }
        }
    }

    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _bySequence.Count;
            }
        }
    }

    public void Begin(StragglerCandidate candidate)
    {
        lock (_gate)
        {
            var entry = new Entry(candidate.At);
            _order.Enqueue(entry);
            _bySequence.Add(candidate.Sequence, entry);
            _next = candidate.After;
        }
    }

    public void Settle(long sequence)
    {
        lock (_gate)
        {
            if (!_bySequence.Remove(sequence, out var entry))
            {
                return;
            }

            entry.Settled = true;
            while (_order.Count > 0 && _order.Peek().Settled)
            {
                _order.Dequeue();
            }
        }
    }

    private sealed class Entry(SourcePosition at)
    {
        public SourcePosition At { get; } = at;

        public bool Settled { get; set; }
    }
}
