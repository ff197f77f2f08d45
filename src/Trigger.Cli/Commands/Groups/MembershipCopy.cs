using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Aws.PoolAdapters;
using Trigger.Cli.Clients;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Pacing;
using Trigger.Migration.Decisions;

namespace Trigger.Cli.Commands.Groups;

/// <summary>What <c>groups --members</c> did.</summary>
/// <param name="Added">Memberships added in the new pool.</param>
/// <param name="AlreadyMembers">Old memberships the new pool already has.</param>
/// <param name="NotInNewPool">Old memberships whose user is not in the new pool yet (not migrated, not swept).</param>
/// <param name="GroupsMissing">Old groups with members that the new pool lacks (their memberships were not copied).</param>
/// <param name="NotProven">
/// Old memberships whose name the new pool holds, but not as a user shown to be the old one (an alias of someone else,
/// or a user sharing no verified email or phone number with the old user): not copied, to be checked by hand.
/// </param>
internal sealed record MembershipCounts(int Added, int AlreadyMembers, int NotInNewPool, IReadOnlyList<string> GroupsMissing, int NotProven = 0);

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
/// A name alone is never enough to add someone: AdminAddUserToGroup, like AdminGetUser, also takes an alias, so a
/// stranger whose preferred_username or email is an unmigrated admin's username would be added to the admin's
/// groups, and a stranger who signed up under that username before the admin migrated holds the name itself.
/// Each candidate is read in the new pool (AdminGetUser, UserRead, paced): it must be the user of exactly that
/// name under the new pool's case rule, and share a verified email or phone number with the old user (read in
/// the old pool), the same proof the sweep asks before it pairs two users. Memberships are added under the new
/// pool's own spelling of the name.
/// </summary>
internal static class MembershipCopy
{
    // AdminGetUser on each pool per candidate (UserRead: 120 per second per account), well below.
    private const int ReadsPerSecond = 10;

    public static async Task<MembershipCounts> RunAsync(
        PoolConnection oldPool, PoolConnection newPool, IReadOnlyList<string> groups, int rate, bool dryRun, CancellationToken cancellationToken)
    {
        // The same token bucket as a listing's page pace, here one token an AdminAddUserToGroup.
        using var adds = new RequestPace(rate, newPool.Time);
        using var reads = new RequestPace(ReadsPerSecond, newPool.Time);
        var names = NameRule.For((await newPool.DescribeAsync(cancellationToken)).UserPool?.UsernameConfiguration?.CaseSensitive);
        var proof = new IdentityProof(legacySubAttribute: null, names);
        int added = 0, already = 0, notThere = 0, notProven = 0;
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

                var (holder, proven) = await ProvenHolderAsync(oldPool, newPool, username, proof, reads, cancellationToken);
                if (holder is null)
                {
                    notThere++;
                    continue;
                }

                if (!proven)
                {
                    notProven++;
                    continue;
                }

                if (dryRun)
                {
                    added++;
                    continue;
                }

                await adds.WaitAsync(cancellationToken);
                var write = await AddAsync(newPool.Client, newPool.PoolId, holder, group, cancellationToken);
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

        return new MembershipCounts(added, already, notThere, missing, notProven);
    }

    // The new pool's user holding exactly this name (null when none does), and whether it is shown to be the old user.
    private static async Task<(string? Holder, bool Proven)> ProvenHolderAsync(
        PoolConnection oldPool, PoolConnection newPool, string username, IdentityProof proof, RequestPace reads, CancellationToken cancellationToken)
    {
        AdminGetUserResponse found;
        try
        {
            await reads.WaitAsync(cancellationToken);
            found = await newPool.Client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = newPool.PoolId, Username = username }, cancellationToken);
        }
        catch (UserNotFoundException)
        {
            return (null, false);
        }

        if (!proof.SameName(found.Username, username))
        {
            // The name reached another user through an alias: the old user is not in the new pool under it.
            return (null, false);
        }

        AdminGetUserResponse old;
        try
        {
            await reads.WaitAsync(cancellationToken);
            old = await oldPool.Client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = oldPool.PoolId, Username = username }, cancellationToken);
        }
        catch (UserNotFoundException)
        {
            return (found.Username, false);
        }

        var proven = proof.SameName(old.Username, username) && proof.Contradiction(CognitoUsers.ToOldUser(old), found) is null;
        return (found.Username, proven);
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
        using var pace = new RequestPace(GroupListing.PagesPerSecond, pool.Time);
        var members = await PoolGroups.MembersAsync(
            pool.Client, pool.PoolId, pool.Target.SideName, group, pace.WaitAsync, cancellationToken);
        return members is null ? null : new HashSet<string>(members, StringComparer.Ordinal);
    }
}
