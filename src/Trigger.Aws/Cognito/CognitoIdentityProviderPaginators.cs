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
    public static async IAsyncEnumerable<UserType> ListAllUsersAsync(
        this ICognitoIdentityProvider cognito,
        ListUsersRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cognito);
        ArgumentNullException.ThrowIfNull(request);

        var page = request;
        while (true)
        {
            var answer = await cognito.ListUsersAsync(page, cancellationToken);
            foreach (var user in answer.Users ?? [])
            {
                yield return user;
            }

            if (string.IsNullOrEmpty(answer.PaginationToken))
            {
                yield break;
            }

            if (string.Equals(answer.PaginationToken, page.PaginationToken, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    "ListUsers answered with the PaginationToken it was given; stopping instead of reading the same page forever.");
            }

            page = page with { PaginationToken = answer.PaginationToken };
        }
    }

    /// <summary>
    /// Every app client of a pool, page after page, following <c>NextToken</c> until a page comes without one.
    /// </summary>
    /// <param name="cognito">The client.</param>
    /// <param name="request">The first page's request.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <exception cref="InvalidOperationException">The service handed back the token it was given, which would loop forever.</exception>
    public static async IAsyncEnumerable<UserPoolClientDescription> ListAllUserPoolClientsAsync(
        this ICognitoIdentityProvider cognito,
        ListUserPoolClientsRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cognito);
        ArgumentNullException.ThrowIfNull(request);

        var page = request;
        while (true)
        {
            var answer = await cognito.ListUserPoolClientsAsync(page, cancellationToken);
            foreach (var client in answer.UserPoolClients ?? [])
            {
                yield return client;
            }

            if (string.IsNullOrEmpty(answer.NextToken))
            {
                yield break;
            }

            if (string.Equals(answer.NextToken, page.NextToken, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    "ListUserPoolClients answered with the NextToken it was given; stopping instead of reading the same page forever.");
            }

            page = page with { NextToken = answer.NextToken };
        }
    }

    /// <summary>
    /// Every group a user belongs to, page after page, following <c>NextToken</c> until a page comes without one. Short and empty
    /// pages are normal and do not end the listing.
    /// </summary>
    /// <param name="cognito">The client.</param>
    /// <param name="request">The first page's request.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <exception cref="InvalidOperationException">The service handed back the token it was given, which would loop forever.</exception>
    public static async IAsyncEnumerable<GroupType> ListAllGroupsForUserAsync(
        this ICognitoIdentityProvider cognito,
        AdminListGroupsForUserRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cognito);
        ArgumentNullException.ThrowIfNull(request);

        var page = request;
        while (true)
        {
            var answer = await cognito.AdminListGroupsForUserAsync(page, cancellationToken);
            foreach (var item in answer.Groups ?? [])
            {
                yield return item;
            }

            if (string.IsNullOrEmpty(answer.NextToken))
            {
                yield break;
            }

            if (string.Equals(answer.NextToken, page.NextToken, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    "AdminListGroupsForUser answered with the NextToken it was given; stopping instead of reading the same page forever.");
            }

            page = page with { NextToken = answer.NextToken };
        }
    }

    /// <summary>
    /// Every group of a pool, page after page, following <c>NextToken</c> until a page comes without one. Short and empty
    /// pages are normal and do not end the listing.
    /// </summary>
    /// <param name="cognito">The client.</param>
    /// <param name="request">The first page's request.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <exception cref="InvalidOperationException">The service handed back the token it was given, which would loop forever.</exception>
    public static async IAsyncEnumerable<GroupType> ListAllGroupsAsync(
        this ICognitoIdentityProvider cognito,
        ListGroupsRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cognito);
        ArgumentNullException.ThrowIfNull(request);

        var page = request;
        while (true)
        {
            var answer = await cognito.ListGroupsAsync(page, cancellationToken);
            foreach (var item in answer.Groups ?? [])
            {
                yield return item;
            }

            if (string.IsNullOrEmpty(answer.NextToken))
            {
                yield break;
            }

            if (string.Equals(answer.NextToken, page.NextToken, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    "ListGroups answered with the NextToken it was given; stopping instead of reading the same page forever.");
            }

            page = page with { NextToken = answer.NextToken };
        }
    }

    /// <summary>
    /// Every member of a group, page after page, following <c>NextToken</c> until a page comes without one. Short and empty
    /// pages are normal and do not end the listing.
    /// </summary>
    /// <param name="cognito">The client.</param>
    /// <param name="request">The first page's request.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <exception cref="InvalidOperationException">The service handed back the token it was given, which would loop forever.</exception>
    public static async IAsyncEnumerable<UserType> ListAllUsersInGroupAsync(
        this ICognitoIdentityProvider cognito,
        ListUsersInGroupRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cognito);
        ArgumentNullException.ThrowIfNull(request);

        var page = request;
        while (true)
        {
            var answer = await cognito.ListUsersInGroupAsync(page, cancellationToken);
            foreach (var item in answer.Users ?? [])
            {
                yield return item;
            }

            if (string.IsNullOrEmpty(answer.NextToken))
            {
                yield break;
            }

            if (string.Equals(answer.NextToken, page.NextToken, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    "ListUsersInGroup answered with the NextToken it was given; stopping instead of reading the same page forever.");
            }

            page = page with { NextToken = answer.NextToken };
        }
    }
}
