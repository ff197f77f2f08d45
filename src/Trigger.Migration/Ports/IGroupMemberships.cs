namespace Trigger.Migration.Ports;

/// <summary>The old pool's group memberships, as the trigger reads them for a user it migrates.</summary>
public interface IOldGroupMemberships
{
    /// <summary>
    /// The names of every group <paramref name="username"/> (a real old username) belongs to, all pages read.
    /// Throws <see cref="UserDirectoryUnavailableException"/> when the old pool cannot answer.
    /// </summary>
    Task<IReadOnlyList<string>> GroupsOfAsync(string username, CancellationToken cancellationToken);
}

/// <summary>The new pool's group memberships, as the trigger writes them after a migration.</summary>
public interface INewGroupMemberships
{
    /// <summary>
    /// Adds <paramref name="username"/> to <paramref name="groupName"/> in the pool <paramref name="userPoolId"/>;
    /// adding a member again changes nothing. False when the pool has no such group. Throws
    /// <see cref="UserDirectoryUnavailableException"/> when the pool cannot answer.
    /// </summary>
    Task<bool> AddAsync(string userPoolId, string username, string groupName, CancellationToken cancellationToken);
}
