using System.Runtime.CompilerServices;

namespace Trigger.Aws.Cognito;

/// <summary>Reading every page of a paged operation.</summary>
public static class CognitoIdentityProviderPaginators
{
    /// <summary>
    /// Every user matching <paramref name="request"/>, page after page, following <c>PaginationToken</c>
    /// until a page comes without one. Short and empty pages are normal and do not end the listing.
    /// Pages are read only as fast as the caller consumes users.
    /// </summary>
    /// <param name="cognito">The client.</param>
    /// <param name="request">The first page's request; its <see cref="ListUsersRequest.PaginationToken"/> is where listing starts.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <exception cref="InvalidOperationException">The service handed back the token it was given, which would loop forever.</exception>
    public static IAsyncEnumerable<UserType> ListAllUsersAsync(
        this ICognitoIdentityProvider cognito, ListUsersRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cognito);
        ArgumentNullException.ThrowIfNull(request);
        return AllPagesAsync(
            "ListUsers", "PaginationToken", request, r => r.PaginationToken, (r, token) => r with { PaginationToken = token },
            cognito.ListUsersAsync, a => (a.Users, a.PaginationToken), cancellationToken);
    }

    /// <summary>
    /// Every app client of a pool, page after page, following <c>NextToken</c> until a page comes without one. Short and empty
    /// pages are normal and do not end the listing.
    /// </summary>
    /// <param name="cognito">The client.</param>
    /// <param name="request">The first page's request.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <exception cref="InvalidOperationException">The service handed back the token it was given, which would loop forever.</exception>
    public static IAsyncEnumerable<UserPoolClientDescription> ListAllUserPoolClientsAsync(
        this ICognitoIdentityProvider cognito, ListUserPoolClientsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cognito);
        ArgumentNullException.ThrowIfNull(request);
        return AllPagesAsync(
            "ListUserPoolClients", NextToken, request, r => r.NextToken, (r, token) => r with { NextToken = token },
            cognito.ListUserPoolClientsAsync, a => (a.UserPoolClients, a.NextToken), cancellationToken);
    }

    /// <summary>
    /// Every group a user belongs to, page after page, following <c>NextToken</c> until a page comes without one. Short and empty
    /// pages are normal and do not end the listing.
    /// </summary>
    /// <param name="cognito">The client.</param>
    /// <param name="request">The first page's request.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <exception cref="InvalidOperationException">The service handed back the token it was given, which would loop forever.</exception>
    public static IAsyncEnumerable<GroupType> ListAllGroupsForUserAsync(
        this ICognitoIdentityProvider cognito, AdminListGroupsForUserRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cognito);
        ArgumentNullException.ThrowIfNull(request);
        return AllPagesAsync(
            "AdminListGroupsForUser", NextToken, request, r => r.NextToken, (r, token) => r with { NextToken = token },
            cognito.AdminListGroupsForUserAsync, a => (a.Groups, a.NextToken), cancellationToken);
    }

    /// <summary>
    /// Every group of a pool, page after page, following <c>NextToken</c> until a page comes without one. Short and empty
    /// pages are normal and do not end the listing.
    /// </summary>
    /// <param name="cognito">The client.</param>
    /// <param name="request">The first page's request.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <exception cref="InvalidOperationException">The service handed back the token it was given, which would loop forever.</exception>
    public static IAsyncEnumerable<GroupType> ListAllGroupsAsync(
        this ICognitoIdentityProvider cognito, ListGroupsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cognito);
        ArgumentNullException.ThrowIfNull(request);
        return AllPagesAsync(
            "ListGroups", NextToken, request, r => r.NextToken, (r, token) => r with { NextToken = token },
            cognito.ListGroupsAsync, a => (a.Groups, a.NextToken), cancellationToken);
    }

    /// <summary>
    /// Every member of a group, page after page, following <c>NextToken</c> until a page comes without one. Short and empty
    /// pages are normal and do not end the listing.
    /// </summary>
    /// <param name="cognito">The client.</param>
    /// <param name="request">The first page's request.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <exception cref="InvalidOperationException">The service handed back the token it was given, which would loop forever.</exception>
    public static IAsyncEnumerable<UserType> ListAllUsersInGroupAsync(
        this ICognitoIdentityProvider cognito, ListUsersInGroupRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cognito);
        ArgumentNullException.ThrowIfNull(request);
        return AllPagesAsync(
            "ListUsersInGroup", NextToken, request, r => r.NextToken, (r, token) => r with { NextToken = token },
            cognito.ListUsersInGroupAsync, a => (a.Users, a.NextToken), cancellationToken);
    }

    // The token name of every listing but ListUsers (which calls it PaginationToken).
    private const string NextToken = "NextToken";

    // One loop for every paged listing: read a page, yield its items, stop on a page without a token,
    // refuse a token handed back unchanged (it would read the same page forever).
    private static async IAsyncEnumerable<TItem> AllPagesAsync<TRequest, TResponse, TItem>(
        string operation,
        string tokenName,
        TRequest first,
        Func<TRequest, string?> tokenOf,
        Func<TRequest, string, TRequest> withToken,
        Func<TRequest, CancellationToken, Task<TResponse>> read,
        Func<TResponse, (IReadOnlyList<TItem>? Items, string? Next)> split,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = first;
        while (true)
        {
            var (items, next) = split(await read(page, cancellationToken));
            foreach (var item in items ?? [])
            {
                yield return item;
            }

            if (string.IsNullOrEmpty(next))
            {
                yield break;
            }

            if (string.Equals(next, tokenOf(page), StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"{operation} answered with the {tokenName} it was given; stopping instead of reading the same page forever.");
            }

            page = withToken(page, next);
        }
    }
}
