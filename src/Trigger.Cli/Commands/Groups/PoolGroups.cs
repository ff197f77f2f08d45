using Trigger.Aws.Cognito;
using Trigger.Cli.Clients;
using Trigger.Cli.Exits;
using Trigger.Cli.Pacing;

namespace Trigger.Cli.Commands.Groups;

/// <summary>
/// Reads a pool's group definitions. ListGroups belongs to the UserPoolResourceRead quota (20 requests per
/// second per account, 5 per pool and operation, not adjustable) and ListUsersInGroup to UserList (30, not
/// adjustable, shared with the trigger's alias look-ups), so both are paced well below.
/// </summary>
internal static class PoolGroups
{
    private const int PagesPerSecond = 4;

    /// <summary>Every group of <paramref name="pool"/>, all pages.</summary>
    public static async Task<IReadOnlyList<GroupType>> ListAsync(PoolConnection pool, CancellationToken cancellationToken)
    {
        using var pace = new RequestPace(PagesPerSecond, pool.Time);
        var groups = new List<GroupType>();
        string? token = null;
        do
        {
            await pace.WaitAsync(cancellationToken);
            var page = await pool.Client.ListGroupsAsync(new ListGroupsRequest { UserPoolId = pool.PoolId, Limit = 60, NextToken = token }, cancellationToken);
            groups.AddRange((page.Groups ?? []).Where(g => !string.IsNullOrEmpty(g.GroupName)));
            if (page.NextToken is not null && page.NextToken == token)
            {
                throw new CliFailure($"ListGroups on the {pool.Target.SideName} pool {pool.PoolId} returned the same page token twice; stopping.");
            }

            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null);

        return groups;
    }

    /// <summary>True when <paramref name="groupName"/> has at least one member (reads one member, following short pages).</summary>
    public static async Task<bool> HasMembersAsync(PoolConnection pool, string groupName, CancellationToken cancellationToken)
    {
        using var pace = new RequestPace(PagesPerSecond, pool.Time);
        string? token = null;
        do
        {
            await pace.WaitAsync(cancellationToken);
            var page = await pool.Client.ListUsersInGroupAsync(
                new ListUsersInGroupRequest { UserPoolId = pool.PoolId, GroupName = groupName, Limit = 1, NextToken = token }, cancellationToken);
            if (page.Users is { Count: > 0 })
            {
                return true;
            }

            token = string.IsNullOrEmpty(page.NextToken) || page.NextToken == token ? null : page.NextToken;
        }
        while (token is not null);

        return false;
    }
}
