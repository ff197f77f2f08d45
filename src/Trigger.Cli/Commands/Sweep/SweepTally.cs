namespace Trigger.Cli.Commands.Sweep;

/// <summary>Counts by outcome and by reason, with a few example usernames each; small whatever the pool's size.</summary>
internal sealed class SweepTally
{
    private const int ExamplesPerReason = 5;

    private readonly object _gate = new();
    private readonly SortedDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Outcome, string Reason), Bucket> _reasons = [];
    private readonly SortedDictionary<string, long> _groupsMissing = new(StringComparer.Ordinal);
    private long _total;
    private long _membershipsAdded;
    private long _membershipsPresent;
    private long _membershipsFailed;

    public long Total => Interlocked.Read(ref _total);

    public void Add(JournalEntry outcome)
    {
        if (outcome.Outcome is not { } name)
        {
            return;
        }

        lock (_gate)
        {
            _counts[name] = _counts.GetValueOrDefault(name) + 1;
            _membershipsAdded += outcome.GroupsAdded ?? 0;
            _membershipsPresent += outcome.GroupsPresent ?? 0;
            _membershipsFailed += outcome.GroupsFailed ?? 0;
            foreach (var group in outcome.GroupsMissing ?? [])
            {
                _groupsMissing[group] = _groupsMissing.GetValueOrDefault(group) + 1;
            }

            if (outcome.Reason is { } reason)
            {
                if (!_reasons.TryGetValue((name, reason), out var bucket))
                {
                    bucket = new Bucket(outcome.Detail);
                    _reasons.Add((name, reason), bucket);
                }

                bucket.Count++;
                if (bucket.Examples.Count < ExamplesPerReason)
                {
                    bucket.Examples.Add(outcome.User);
                }
            }
        }

        Interlocked.Increment(ref _total);
    }

    public long Count(string outcome)
    {
        lock (_gate)
        {
            return _counts.GetValueOrDefault(outcome);
        }
    }

    public bool HasFindings()
    {
        lock (_gate)
        {
            return _counts.Any(c => StragglerOutcomes.IsFinding(c.Key) && c.Value > 0);
        }
    }

    public SortedDictionary<string, long> Counts()
    {
        lock (_gate)
        {
            return new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);
        }
    }

    /// <summary>The memberships counted so far; <paramref name="notCarried"/> says why none could be, when so.</summary>
    public SweepMembershipCounts Memberships(string? notCarried)
    {
        lock (_gate)
        {
            return new SweepMembershipCounts(
                _membershipsAdded, _membershipsPresent, _membershipsFailed, new SortedDictionary<string, long>(_groupsMissing, StringComparer.Ordinal), notCarried);
        }
    }

    public List<ReasonCount> Reasons()
    {
        lock (_gate)
        {
            return [.. _reasons
                .OrderBy(r => r.Key.Outcome, StringComparer.Ordinal)
                .ThenByDescending(r => r.Value.Count)
                .ThenBy(r => r.Key.Reason, StringComparer.Ordinal)
                .Select(r => new ReasonCount(r.Key.Outcome, r.Key.Reason, r.Value.Count, [.. r.Value.Examples], r.Value.Detail))];
        }
    }

    private sealed class Bucket(string? detail)
    {
        public long Count { get; set; }

        public List<string> Examples { get; } = [];

        public string? Detail { get; } = detail;
    }
}
