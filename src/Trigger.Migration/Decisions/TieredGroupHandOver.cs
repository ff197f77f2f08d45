using Trigger.Migration.Ports;

namespace Trigger.Migration.Decisions;

/// <summary>
/// The groups hand-over in the execution environment's memory and in a durable store (a DynamoDB table) at
/// once. A put writes both; a take always asks the durable store, which decides (an entry is taken once across
/// every environment), and falls back on this environment's memory copy only when the table cannot be reached,
/// so this environment's own sign-ins keep their groups through a throttled table. Only what a migration recorded
/// is ever returned: a failed durable take with no memory copy yields no groups.
/// </summary>
public sealed class TieredGroupHandOver(GroupHandOver memory, IGroupHandOverStore durable) : IGroupHandOverStore
{
    /// <summary>
    /// Keeps <paramref name="entry"/> in memory, then in the durable store; a durable failure is thrown after the
    /// memory copy is kept, so the caller can report it while this environment still serves the entry.
    /// </summary>
    public async Task PutAsync(GroupHandOverEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        memory.Put(entry);
        await durable.PutAsync(entry, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<GroupHandOverEntry?> TakeAsync(string userPoolId, string username, CancellationToken cancellationToken)
    {
        var local = memory.TakeEntry(userPoolId, username);
        try
        {
            // The durable take decides, also on a memory hit: if another environment took the entry since, this
            // environment's copy is stale (its memberships are written, its tokens issued).
            return await durable.TakeAsync(userPoolId, username, cancellationToken);
        }
        catch (UserDirectoryUnavailableException) when (local is not null)
        {
            // The table cannot say; what this environment recorded itself is still what the migration read.
            return local;
        }
    }
}
