using Trigger.Migration.Ports;

namespace Trigger.UnitTests.Migration.Groups;

/// <summary>The old pool's memberships, from a dictionary; counts its calls; throws <see cref="Fail"/> when set.</summary>
internal sealed class FakeOldGroups : IOldGroupMemberships
{
    public Dictionary<string, IReadOnlyList<string>> Groups { get; } = new(StringComparer.Ordinal);

    public Exception? Fail { get; set; }

    public int Calls { get; private set; }

    public Task<IReadOnlyList<string>> GroupsOfAsync(string username, CancellationToken cancellationToken)
    {
        Calls++;
        return Fail is not null ? Task.FromException<IReadOnlyList<string>>(Fail)
            : Task.FromResult(Groups.TryGetValue(username, out var groups) ? groups : (IReadOnlyList<string>)[]);
    }
}

/// <summary>The new pool's memberships: records every add; groups in <see cref="Missing"/> do not exist.</summary>
internal sealed class FakeNewGroups : INewGroupMemberships
{
    public List<string> Added { get; } = [];

    public HashSet<string> Missing { get; } = new(StringComparer.Ordinal);

    public Task<bool> AddAsync(string userPoolId, string username, string groupName, CancellationToken cancellationToken)
    {
        if (Missing.Contains(groupName))
        {
            return Task.FromResult(false);
        }

        Added.Add($"{username} {groupName}");
        return Task.FromResult(true);
    }
}

/// <summary>A hand-over store that cannot be reached (a throttled or missing table).</summary>
internal sealed class UnreachableHandOver : IGroupHandOverStore
{
    public int Calls { get; private set; }

    public Task PutAsync(GroupHandOverEntry entry, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromException(new UserDirectoryUnavailableException("group hand-over ProvisionedThroughputExceededException"));
    }

    public Task<GroupHandOverEntry?> TakeAsync(string userPoolId, string username, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromException<GroupHandOverEntry?>(new UserDirectoryUnavailableException("group hand-over ProvisionedThroughputExceededException"));
    }
}
