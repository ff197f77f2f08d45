namespace Trigger.Migration.Ports;

/// <summary>
/// Where the groups a migration read wait for the later steps of the same sign-in (PostAuthentication, Pre
/// token generation). Entries are found by the name as the new pool compares it and taken once: a take
/// removes the entry, so two steps (or two execution environments) never both act on it. Throws
/// <see cref="UserDirectoryUnavailableException"/> when the store cannot be reached; callers then leave the
/// groups out rather than guess.
/// </summary>
public interface IGroupHandOverStore
{
    /// <summary>Keeps <paramref name="entry"/>, replacing any entry waiting for the same name.</summary>
    Task PutAsync(GroupHandOverEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Removes and returns the live entry for <paramref name="username"/> in <paramref name="userPoolId"/>; null when
    /// none waits, it expired, or it waits for another name (in a case-sensitive pool <c>admin</c> never takes
    /// what waits for <c>Admin</c>, and does not remove it either).
    /// </summary>
    Task<GroupHandOverEntry?> TakeAsync(string userPoolId, string username, CancellationToken cancellationToken);
}

/// <summary>What waits for one user of the new pool.</summary>
/// <param name="UserPoolId">The new pool.</param>
/// <param name="Username">The new username as the migration answered it (original case).</param>
/// <param name="CaseSensitive">The new pool's name rule: true when <c>Admin</c> and <c>admin</c> are two users.</param>
/// <param name="Groups">
/// Before <paramref name="Applied"/>: the old groups as read. After: only the groups whose membership was added
/// in the new pool, the ones the tokens may carry.
/// </param>
/// <param name="Applied">True once the memberships were written (by whichever step came first).</param>
/// <param name="Expires">When the entry stops counting, whether or not the store has removed it yet.</param>
public sealed record GroupHandOverEntry(
    string UserPoolId,
    string Username,
    bool CaseSensitive,
    IReadOnlyList<string> Groups,
    bool Applied,
    DateTimeOffset Expires);
