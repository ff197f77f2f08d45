using System.Runtime.CompilerServices;
using Trigger.Aws.Cognito;
using Trigger.Aws.PoolAdapters;
using Trigger.Cli.Commands.Groups;
using Trigger.Cli.Pacing;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// The old users straight from the old pool: ListUsers pages of 60, paced, short and empty pages followed
/// until no token comes back. Resuming re-requests the page a position names and skips what was handled.
/// With <see cref="Memberships"/>, each user comes with its groups as the old pool had them when the sweep started.
/// </summary>
internal sealed class LivePoolSource(ICognitoIdentityProvider oldPool, string userPoolId, RequestPace pagePace, long? expectedUsers) : IStragglerSource
{
    /// <summary>The old pool's memberships, read before the listing; null when groups are not carried.</summary>
    public MembershipIndex? Memberships { get; init; }

    private const int PageSize = 60;
    private const int MaxEmptyRepeats = 20;

    public string Identity => $"pool:{userPoolId}";

    public long? ExpectedUsers => expectedUsers;

    public async IAsyncEnumerable<StragglerCandidate> ReadAsync(SourcePosition from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var token = from.PageToken;
        var skip = from.Skip;
        var sequence = from.Sequence;
        var emptyRepeats = 0;
        while (true)
        {
            await pagePace.WaitAsync(cancellationToken);
            var page = await oldPool.ListUsersAsync(
                new ListUsersRequest { UserPoolId = userPoolId, Limit = PageSize, PaginationToken = token }, cancellationToken);
            var users = page.Users ?? [];
            for (var index = 0; index < users.Count; index++)
            {
                if (skip > 0)
                {
                    skip--;
                    continue;
                }

                var user = users[index];
                if (string.IsNullOrEmpty(user.Username))
                {
                    continue;
                }

                yield return new StragglerCandidate(
                    sequence,
                    CognitoUsers.ToOldUser(user),
                    new SourcePosition { Sequence = sequence, PageToken = token, Skip = index },
                    new SourcePosition { Sequence = sequence + 1, PageToken = token, Skip = index + 1 })
                {
                    Groups = Memberships?.For(user.Username),
                };
                sequence++;
            }

            var next = string.IsNullOrEmpty(page.PaginationToken) ? null : page.PaginationToken;
            if (next is null)
            {
                yield break;
            }

            // An empty page may hand back the token it was given ("fewer items than the Limit" without the end);
            // asking again is right a few times, forever is not. A page with users and the same token would loop.
            emptyRepeats = next == token ? emptyRepeats + 1 : 0;
            if (next == token && (users.Count > 0 || emptyRepeats > MaxEmptyRepeats))
            {
                throw new InvalidOperationException("ListUsers keeps answering with the PaginationToken it was given; stopping instead of reading the same page forever.");
            }

            // A skip longer than this page (pages can come back shorter on a re-read) carries over.
            token = next;
        }
    }
}
