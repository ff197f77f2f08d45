using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Cli.Clients;
using Trigger.Cli.Pacing;

namespace Trigger.Cli.Commands.Groups;

/// <summary>What <c>groups --members</c> did.</summary>
/// <param name="Added">Memberships added in the new pool.</param>
/// <param name="AlreadyMembers">Old memberships the new pool already has.</param>
/// <param name="NotInNewPool">Old memberships whose user is not in the new pool yet (not migrated, not swept).</param>
/// <param name="GroupsMissing">Old groups with members that the new pool lacks (their memberships were not copied).</param>
internal sealed record MembershipCounts(int Added, int AlreadyMembers, int NotInNewPool, IReadOnlyList<string> GroupsMissing);

/// <summary>How one AdminAddUserToGroup ended.</summary>
internal enum MembershipWrite
{
    /// <summary>The user is in the group now (also when it already was: Cognito ignores a second add).</summary>
    Added,

    /// <summary>The pool has no such group.</summary>
    GroupMissing,

    /// <summary>The pool has no such user.</summary>
    UserMissing,
}

/// <summary>
/// Copies group memberships of users already in the new pool, by group: ListUsersInGroup on both pools (UserList,
/// paced), then AdminAddUserToGroup for each old member the new group lacks (UserResourceUpdate: 25 requests
/// per second, not adjustable, paced at <c>rate</c>). It repairs users the trigger migrated without their groups
/// (a PostAuthentication served elsewhere) and gives swept users theirs. Adding a member twice changes
/// nothing in Cognito, and members already there are read first, so a killed run started again adds only
/// what is still missing.
/// </summary>
internal static class MembershipCopy
{
    private const int PagesPerSecond = 4;

    public static async Task<MembershipCounts> RunAsync(
        PoolConnection oldPool, PoolConnection newPool, IReadOnlyList<string> groups, int rate, bool dryRun, CancellationToken cancellationToken)
    {
        // The same token bucket as a listing's page pace, here one token an AdminAddUserToGroup.
        using var adds = new RequestPace(rate, newPool.Time);
        int added = 0, already = 0, notThere = 0;
        var missing = new List<string>();
        foreach (var group in groups)
        {
            var oldMembers = await MembersAsync(oldPool, group, cancellationToken);
            if (oldMembers is null or { Count: 0 })
            {
                continue;
            }

            var newMembers = await MembersAsync(newPool, group, cancellationToken);
            if (newMembers is null)
            {
                missing.Add(group);
                continue;
            }

            foreach (var username in oldMembers)
            {
                if (newMembers.Contains(username))
                {
                    already++;
                    continue;
                }

                if (dryRun)
                {
                    added++;
                    continue;
                }

                await adds.WaitAsync(cancellationToken);
                var write = await AddAsync(newPool.Client, newPool.PoolId, username, group, cancellationToken);
                if (write == MembershipWrite.GroupMissing)
                {
                    // Deleted since its members were read: the rest of its old members would fail the same way.
                    missing.Add(group);
                    break;
                }

                added += write == MembershipWrite.Added ? 1 : 0;
                notThere += write == MembershipWrite.UserMissing ? 1 : 0;
            }
        }

        return new MembershipCounts(added, already, notThere, missing);
    }

    /// <summary>
    /// Adds <paramref name="username"/> to <paramref name="group"/> in <paramref name="poolId"/> (one AdminAddUserToGroup; the
    /// caller paces it within UserResourceUpdate). Shared by <c>groups --members</c> and the sweep.
    /// </summary>
    public static async Task<MembershipWrite> AddAsync(
        ICognitoIdentityProvider client, string poolId, string username, string group, CancellationToken cancellationToken)
    {
        try
        {
            await client.AdminAddUserToGroupAsync(new AdminAddUserToGroupRequest { UserPoolId = poolId, Username = username, GroupName = group }, cancellationToken);
            return MembershipWrite.Added;
        }
        catch (UserNotFoundException)
        {
            return MembershipWrite.UserMissing;
        }
        catch (ResourceNotFoundException)
        {
            return MembershipWrite.GroupMissing;
        }
    }

    // The usernames of a group's members, every page; null when the pool has no such group.
    private static async Task<HashSet<string>?> MembersAsync(PoolConnection pool, string group, CancellationToken cancellationToken)
    {
        using var pace = new RequestPace(PagesPerSecond, pool.Time);
        var members = await PoolGroups.MembersAsync(
            pool.Client, pool.PoolId, pool.Target.SideName, group, pace.WaitAsync, cancellationToken);
        return members is null ? null : new HashSet<string>(members, StringComparer.Ordinal);
    }
}
