using Trigger.Aws;
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
    /// <summary>Every group of <paramref name="pool"/>, all pages.</summary>
    public static async Task<IReadOnlyList<GroupType>> ListAsync(PoolConnection pool, CancellationToken cancellationToken)
    {
        using var pace = new RequestPace(GroupListing.PagesPerSecond, pool.Time);
        return await ListAsync(pool.Client, pool.PoolId, pool.Target.SideName, pace.WaitAsync, cancellationToken);
    }

    /// <summary>
    /// Every group of a pool, all pages, each page after <paramref name="wait"/>: complete, or an exception
    /// (never a part of the list: a caller compares it with another pool's).
    /// </summary>
    public static async Task<IReadOnlyList<GroupType>> ListAsync(
        ICognitoIdentityProvider client, string poolId, string side, Func<CancellationToken, ValueTask> wait, CancellationToken cancellationToken)
    {
        var groups = new List<GroupType>();
        string? token = null;
        do
        {
            await wait(cancellationToken);
            var page = await client.ListGroupsAsync(new ListGroupsRequest { UserPoolId = poolId, Limit = 60, NextToken = token }, cancellationToken);
            groups.AddRange((page.Groups ?? []).Where(g => !string.IsNullOrEmpty(g.GroupName)));
            token = Next(page.NextToken, token, "ListGroups", side, poolId);
        }
        while (token is not null);

        return groups;
    }

    /// <summary>
    /// The usernames of every member of <paramref name="groupName"/>, all pages (short and empty pages are
    /// followed to the last token), each page after <paramref name="wait"/>; null when the pool has no such
    /// group. Complete or an exception: a member missing from a cut-off listing would read as a removed one.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> MembersAsync(
        ICognitoIdentityProvider client, string poolId, string side, string groupName, Func<CancellationToken, ValueTask> wait, CancellationToken cancellationToken)
    {
        var members = new List<string>();
        var pages = 0;
        try
        {
            await foreach (var username in GroupListing.MemberNamesAsync(
                client,
                poolId,
                groupName,
                async token =>
                {
                    pages++;
                    await wait(token);
                },
                cancellationToken))
            {
                members.Add(username);
            }
        }
        catch (ResourceNotFoundException) when (pages == 1)
        {
            // The first page says the group is not there; a later page's "not found" is no answer about the members.
            return null;
        }
        catch (InvalidDataException e)
        {
            throw new CliFailure($"On the {side} pool: {e.Message}", e);
        }

        return members;
    }

    /// <summary>True when <paramref name="groupName"/> has at least one member (reads one member, following short pages).</summary>
    public static async Task<bool> HasMembersAsync(PoolConnection pool, string groupName, CancellationToken cancellationToken)
    {
        using var pace = new RequestPace(GroupListing.PagesPerSecond, pool.Time);
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

    // The next page's token, null after the last page; the same token twice would loop for ever.
    private static string? Next(string? next, string? asked, string operation, string side, string poolId)
    {
        if (next is not null && next == asked)
        {
            throw new CliFailure($"{operation} on the {side} pool {poolId} returned the same page token twice; stopping.");
        }

        return string.IsNullOrEmpty(next) ? null : next;
    }
}
