using Trigger.Cli.Commands.Sweep;
using Trigger.Migration.Decisions;
using Trigger.Migration.Ports;

namespace Trigger.Cli.Commands.FoldIndex;

/// <summary>
/// The fold index's items, computed from the old users: every folded name with its owners. A pool of millions
/// does not fit in memory at once, so the names are split into passes by a stable hash of the folded name (the
/// same split on every run, so a resumed run finds the same items in the same order); each pass is one read
/// of the snapshot holding about <see cref="UsersPerPass"/> users' names.
/// </summary>
internal static class FoldIndexContents
{
    /// <summary>Users whose names one pass holds in memory (about 150 MB of names and owners).</summary>
    public const long UsersPerPass = 1_000_000;

    /// <summary>How many passes a snapshot of <paramref name="users"/> users takes.</summary>
    public static int PassesFor(long users) => (int)Math.Max(1, (users + UsersPerPass - 1) / UsersPerPass);

    /// <summary>The items of one pass, in ordinal key order.</summary>
    public static async Task<List<KeyValuePair<string, List<FoldedNameOwner>>>> ReadPassAsync(
        SnapshotSource source, int pass, int passes, CancellationToken cancellationToken)
    {
        var items = new Dictionary<string, List<FoldedNameOwner>>(StringComparer.Ordinal);
        await foreach (var candidate in source.ReadAsync(SourcePosition.Start, cancellationToken))
        {
            Add(items, candidate.User.Username, candidate.User.Attributes, pass, passes);
        }

        return [.. items.OrderBy(item => item.Key, StringComparer.Ordinal)];
    }

    /// <summary>Every folded name of <paramref name="users"/> with its owners (one pass: the users are in memory already).</summary>
    public static Dictionary<string, List<FoldedNameOwner>> Of(IEnumerable<(string Username, IReadOnlyDictionary<string, string>? Attributes)> users)
    {
        var items = new Dictionary<string, List<FoldedNameOwner>>(StringComparer.Ordinal);
        foreach (var (username, attributes) in users)
        {
            Add(items, username, attributes, 0, 1);
        }

        return items;
    }

    /// <summary>The folded names two or more old users own, each with its owners, in key order.</summary>
    public static IEnumerable<KeyValuePair<string, List<FoldedNameOwner>>> Conflicts(IEnumerable<KeyValuePair<string, List<FoldedNameOwner>>> items) =>
        items.Where(item => FoldedNames.IsConflict(item.Value)).OrderBy(item => item.Key, StringComparer.Ordinal);

    /// <summary>One conflict as a line: the folded name and who owns it as what.</summary>
    public static string Describe(KeyValuePair<string, List<FoldedNameOwner>> conflict) =>
        $"{conflict.Key}: {string.Join(", ", conflict.Value.Select(owner => owner.Attribute == FoldedNameOwner.UsernameAttribute ? owner.Username : $"{owner.Username} ({owner.Attribute})"))}";

    private static void Add(Dictionary<string, List<FoldedNameOwner>> items, string username, IReadOnlyDictionary<string, string>? attributes, int pass, int passes)
    {
        foreach (var (folded, owner) in FoldedNames.Of(username, attributes))
        {
            if (passes > 1 && PassOf(folded, passes) != pass)
            {
                continue;
            }

            if (!items.TryGetValue(folded, out var owners))
            {
                items[folded] = owners = [];
            }

            if (!owners.Contains(owner))
            {
                owners.Add(owner);
            }
        }
    }

    // FNV-1a over the UTF-16 code units: string.GetHashCode is randomised per process, and a resumed run must
    // put every name in the same pass as the run it continues.
    internal static int PassOf(string folded, int passes)
    {
        var hash = 2166136261u;
        foreach (var c in folded)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash % (uint)passes);
    }
}
