using System.Runtime.CompilerServices;
using Trigger.Aws;
using Trigger.Aws.Cognito;

using Trigger.Cli.Exits;
using Trigger.Cli.Options;
using Trigger.Cli.Pacing;

namespace Trigger.Cli.Clients;

/// <summary>
/// One pool and the client that reaches it. Its calls turn the service's answers into what the
/// operator needs to read: an unknown pool or client names the pool, region and endpoint.
/// </summary>
/// <param name="Target">The pool as the command line named it.</param>
/// <param name="Client">The Cognito client for it.</param>
/// <param name="Region">The region calls are signed for.</param>
/// <param name="Endpoint">Where calls go.</param>
internal sealed record PoolConnection(PoolTarget Target, ICognitoIdentityProvider Client, string Region, Uri Endpoint)
{
    /// <summary>The pool id.</summary>
    public string PoolId => Target.PoolId;

    /// <summary>The host's clock, for pacing the calls made on this pool.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>DescribeUserPool: the typed settings and the raw JSON.</summary>
    /// <exception cref="CliFailure">The pool does not exist there.</exception>
    public async Task<DescribeUserPoolResponse> DescribeAsync(CancellationToken cancellationToken)
    {
        var answer = await CallAsync(() => Client.DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = PoolId }, cancellationToken));
        return answer.UserPool is null
            ? throw new CliFailure($"DescribeUserPool answered without a pool for the {Target.SideName} pool {PoolId}.")
            : answer;
    }

    /// <summary>Every app client of the pool, described (ListUserPoolClients, then DescribeUserPoolClient for each).</summary>
    public async Task<IReadOnlyList<UserPoolClientType>> DescribeAllClientsAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var client in Client.ListAllUserPoolClientsAsync(new ListUserPoolClientsRequest { UserPoolId = PoolId, MaxResults = 60 }, cancellationToken))
        {
            if (!string.IsNullOrEmpty(client.ClientId))
            {
                ids.Add(client.ClientId);
            }
        }

        var described = new List<UserPoolClientType>(ids.Count);
        foreach (var id in ids)
        {
            described.Add(await DescribeClientAsync(id, cancellationToken)
                ?? throw new CliFailure($"App client {id} of the {Target.SideName} pool {PoolId} disappeared while it was being read."));
        }

        return described;
    }

    /// <summary>One app client, or null when the pool has no client with that id.</summary>
    public async Task<UserPoolClientType?> DescribeClientAsync(string clientId, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await Client.DescribeUserPoolClientAsync(
                new DescribeUserPoolClientRequest { UserPoolId = PoolId, ClientId = clientId }, cancellationToken);
            return answer.UserPoolClient;
        }
        catch (ResourceNotFoundException)
        {
            // The pool itself was described first, so "not found" here is about the client.
            return null;
        }
    }

    /// <summary>Every user of the pool, page after page, paced by <paramref name="pace"/>.</summary>
    public async IAsyncEnumerable<UserType> ListUsersAsync(RequestPace pace, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            await pace.WaitAsync(cancellationToken);
            var page = await CallAsync(() => Client.ListUsersAsync(
                new ListUsersRequest { UserPoolId = PoolId, Limit = 60, PaginationToken = token }, cancellationToken));
            foreach (var user in page.Users ?? [])
            {
                yield return user;
            }

            if (page.PaginationToken is not null && page.PaginationToken == token)
            {
                throw new CliFailure($"ListUsers on the {Target.SideName} pool {PoolId} returned the same page token twice; stopping.");
            }

            token = string.IsNullOrEmpty(page.PaginationToken) ? null : page.PaginationToken;
        }
        while (token is not null);
    }

    /// <summary>UpdateUserPool.</summary>
    public Task UpdateAsync(UpdateUserPoolRequest request, CancellationToken cancellationToken) =>
        CallAsync(() => Client.UpdateUserPoolAsync(request, cancellationToken));

    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ResourceNotFoundException exception)
        {
            throw new CliFailure(
                $"The {Target.SideName} pool {PoolId} was not found in region {Region} at {Endpoint}: check --{Target.SideName}-pool-id, --{Target.SideName}-region and the account.",
                exception);
        }
    }
}
