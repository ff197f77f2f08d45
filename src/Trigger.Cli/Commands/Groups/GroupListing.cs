using System.Runtime.CompilerServices;
using Trigger.Aws.Cognito;

namespace Trigger.Cli.Commands.Groups;

/// <summary>
/// Paced listings of a pool's groups and of a group's members, every page: a short or empty page with a token
/// is not the end (Cognito's pages may come back short), only a page without one is. The caller's pace is
/// awaited before each page, so one pace can share a quota category between this and other listings.
/// </summary>
internal static class GroupListing
{
    private const int PageSize = 60;

    /// <summary>
    /// Pages a second for a group listing of its own pace: ListGroups is UserPoolResourceRead (20 requests per second,
    /// no more than 5 for one operation on one pool) and ListUsersInGroup UserList (30, shared with live traffic), so
    /// both stay well below.
    /// </summary>
    public const int PagesPerSecond = 4;

    /// <summary>The name of every group of <paramref name="poolId"/> (ListGroups).</summary>
    /// <exception cref="InvalidDataException">The pool handed back the token it was given.</exception>
    public static IAsyncEnumerable<string> GroupNamesAsync(
        ICognitoIdentityProvider client, string poolId, Func<CancellationToken, Task> pace, CancellationToken cancellationToken) =>
        AllPagesAsync(
            "ListGroups",
            poolId,
            pace,
            async (token, ct) =>
            {
                var page = await client.ListGroupsAsync(new ListGroupsRequest { UserPoolId = poolId, Limit = PageSize, NextToken = token }, ct);
                return ((page.Groups ?? []).Select(g => g.GroupName), page.NextToken);
            },
            cancellationToken);

    /// <summary>The username of every member of <paramref name="group"/> (ListUsersInGroup, UserList quota).</summary>
    /// <exception cref="Trigger.Aws.ResourceNotFoundException">The pool has no such group.</exception>
    /// <exception cref="InvalidDataException">The pool handed back the token it was given.</exception>
    public static IAsyncEnumerable<string> MemberNamesAsync(
        ICognitoIdentityProvider client, string poolId, string group, Func<CancellationToken, Task> pace, CancellationToken cancellationToken) =>
        AllPagesAsync(
            "ListUsersInGroup",
            poolId,
            pace,
            async (token, ct) =>
            {
                var page = await client.ListUsersInGroupAsync(
                    new ListUsersInGroupRequest { UserPoolId = poolId, GroupName = group, Limit = PageSize, NextToken = token }, ct);
                return ((page.Users ?? []).Select(u => u.Username), page.NextToken);
            },
            cancellationToken);

    /// <summary>The groups <paramref name="username"/> is in (AdminListGroupsForUser, every page).</summary>
    /// <exception cref="InvalidDataException">The pool handed back the page token it was given.</exception>
    public static async Task<HashSet<string>> GroupsOfUserAsync(
        ICognitoIdentityProvider client, string poolId, string username, Func<CancellationToken, Task> pace, CancellationToken cancellationToken)
    {
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var pages = AllPagesAsync(
            "AdminListGroupsForUser",
            poolId,
            pace,
            async (token, ct) =>
            {
                var page = await client.AdminListGroupsForUserAsync(
                    new AdminListGroupsForUserRequest { UserPoolId = poolId, Username = username, Limit = PageSize, NextToken = token }, ct);
                return ((page.Groups ?? []).Select(g => g.GroupName), page.NextToken);
            },
            cancellationToken);
        await foreach (var group in pages)
        {
            groups.Add(group);
        }

        return groups;
    }

    private static async IAsyncEnumerable<string> AllPagesAsync(
        string operation,
        string poolId,
        Func<CancellationToken, Task> pace,
        Func<string?, CancellationToken, Task<(IEnumerable<string?> Names, string? Next)>> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            await pace(cancellationToken);
            var (names, next) = await read(token, cancellationToken);
            foreach (var name in names)
            {
                if (!string.IsNullOrEmpty(name))
                {
                    yield return name;
                }
            }

            if (next is not null && next == token)
            {
                throw new InvalidDataException($"{operation} on the pool {poolId} returned the same page token twice; stopping.");
            }

            token = string.IsNullOrEmpty(next) ? null : next;
        }
        while (token is not null);
    }
}
