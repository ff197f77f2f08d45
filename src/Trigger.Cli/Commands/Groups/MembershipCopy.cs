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
        using var adds = new ListingPace(rate);
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
                try
                {
                    await newPool.Client.AdminAddUserToGroupAsync(
                        new AdminAddUserToGroupRequest { UserPoolId = newPool.PoolId, Username = username, GroupName = group }, cancellationToken);
                    added++;
                }
                catch (UserNotFoundException)
                {
                    notThere++;
                }
            }
        }

        return new MembershipCounts(added, already, notThere, missing);
    }

    // The usernames of a group's members, every page; null when the pool has no such group.
    private static async Task<HashSet<string>?> MembersAsync(PoolConnection pool, string group, CancellationToken cancellationToken)
    {
        using var pace = new ListingPace(PagesPerSecond);
        var members = await PoolGroups.MembersAsync(
            pool.Client, pool.PoolId, pool.Target.SideName, group, token => new ValueTask(pace.WaitAsync(token)), cancellationToken);
        return members is null ? null : new HashSet<string>(members, StringComparer.Ordinal);
    }
}
