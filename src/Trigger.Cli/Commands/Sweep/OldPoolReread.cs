using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Aws.PoolAdapters;
using Trigger.Cli.Commands.Groups;
using Trigger.Migration.Ports;
using Trigger.Cli.Pacing;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// Reads a snapshot's user again from the old pool just before it is created (AdminGetUser, paced with the
/// sweep's other AdminGetUser calls: both draw on the UserRead quota), so a user deleted, disabled or changed
/// since the export is not brought back as it was. Not used with <c>--trust-snapshot</c> (a restore from a
/// snapshot whose pool is gone).
/// </summary>
internal sealed class OldPoolReread(ICognitoIdentityProvider oldPool, string oldUserPoolId, RequestPace readPace)
{
    /// <summary>The skip reason of a snapshot user the old pool no longer has.</summary>
    public const string GoneFromOldPool = "GoneFromOldPool";

    /// <summary>The user as the old pool has it now; null when it is gone.</summary>
    public async Task<OldUser?> ReadAsync(string username, CancellationToken cancellationToken)
    {
        await readPace.WaitAsync(cancellationToken);
        try
        {
            var user = await oldPool.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = oldUserPoolId, Username = username }, cancellationToken);
            // AdminGetUser also answers to aliases: another user's preferred_username is not this user. Ordinal: the
            // snapshot holds the username as the pool stores it (ListUsers), and AdminGetUser answers the same spelling
            // for the same user; in a case-sensitive pool "Alice" may be someone else than "alice".
            return string.Equals(user.Username, username, StringComparison.Ordinal) ? CognitoUsers.ToOldUser(user) : null;
        }
        catch (UserNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The groups <paramref name="username"/> is in now (AdminListGroupsForUser, every page, on the same read pace); call
    /// it only for a username <see cref="ReadAsync"/> just found spelled exactly so. Empty when the user is gone.
    /// </summary>
    public async Task<IReadOnlySet<string>> GroupsAsync(string username, CancellationToken cancellationToken)
    {
        try
        {
            return await GroupListing.GroupsOfUserAsync(oldPool, oldUserPoolId, username, ct => readPace.WaitAsync(ct).AsTask(), cancellationToken);
        }
        catch (UserNotFoundException)
        {
            return new HashSet<string>();
        }
    }
}
