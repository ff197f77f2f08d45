using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Cli.Pacing;

namespace Trigger.Cli.Commands.Groups;

/// <summary>
/// Every group membership of a pool, by username: read group by group (ListGroups once, then ListUsersInGroup for
/// each group, paged), not user by user, so a pool of a million users with a handful of groups costs a page per 60
/// members instead of a million AdminListGroupsForUser calls. Held in memory: one entry per user in at least one
/// group, each group name stored once and shared by its members.
/// </summary>
internal sealed class MembershipIndex
{
    private readonly Dictionary<string, string[]> _byUser = new(StringComparer.Ordinal);

    private MembershipIndex()
    {
    }

    /// <summary>The groups read.</summary>
    public int Groups { get; private set; }

    /// <summary>Users in at least one group.</summary>
    public int Users => _byUser.Count;

    /// <summary>Memberships read (a user in two groups counts twice).</summary>
    public long Memberships { get; private set; }

    /// <summary>
    /// Reads every membership of <paramref name="poolId"/>, awaiting <paramref name="pace"/> before each ListUsersInGroup
    /// page (UserList). ListGroups is UserPoolResourceRead (20 per second, and no more than 5 per second for one
    /// operation on one pool), so its pages keep a pace of their own, well below.
    /// </summary>
    /// <exception cref="InvalidDataException">The pool handed back the page token it was given.</exception>
    public static async Task<MembershipIndex> ReadAsync(
        ICognitoIdentityProvider client, string poolId, Func<CancellationToken, Task> pace, TimeProvider time, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        using (var groupPages = new RequestPace(GroupListing.PagesPerSecond, time))
        {
            await foreach (var name in GroupListing.GroupNamesAsync(client, poolId, ct => groupPages.WaitAsync(ct).AsTask(), cancellationToken))
            {
                names.Add(name);
            }
        }

        // Groups in ordinal order, so each user's list is built sorted by appending.
        names.Sort(StringComparer.Ordinal);
        var index = new MembershipIndex { Groups = names.Count };
        foreach (var group in names.Distinct(StringComparer.Ordinal))
        {
            try
            {
                await foreach (var username in GroupListing.MemberNamesAsync(client, poolId, group, pace, cancellationToken))
                {
                    index.Add(username, group);
                }
            }
            catch (ResourceNotFoundException)
            {
                // Deleted since ListGroups: it has no members to record.
            }
        }

        return index;
    }

    /// <summary>An index with no membership yet, filled by <see cref="Add"/> (the benchmark measures its memory so).</summary>
    internal static MembershipIndex Empty() => new();

    /// <summary>The groups of <paramref name="username"/> (as the pool spells it), sorted ordinal; empty when none.</summary>
    public IReadOnlyList<string> For(string username) => _byUser.TryGetValue(username, out var groups) ? groups : [];

    /// <summary>Records one membership; groups must come in ordinal order (a repeated member of the same group is ignored).</summary>
    internal void Add(string username, string group)
    {
        if (!_byUser.TryGetValue(username, out var groups))
        {
            _byUser[username] = [group];
            Memberships++;
            return;
        }

        // Pages of a listing may overlap when the group changes while it is read: a member counts once.
        if (string.Equals(groups[^1], group, StringComparison.Ordinal))
        {
            return;
        }

        // Most users are in one or two groups: an exact-size array costs less than a List's spare capacity.
        Array.Resize(ref groups, groups.Length + 1);
        groups[^1] = group;
        _byUser[username] = groups;
        Memberships++;
    }
}
