using Trigger.Aws.Cognito;
using Trigger.Migration.Ports;

namespace Trigger.Aws.PoolAdapters;

/// <summary>The old pool's memberships over Cognito: AdminListGroupsForUser, every page.</summary>
public sealed class CognitoOldGroupMemberships(ICognitoIdentityProvider cognito, string userPoolId) : IOldGroupMemberships
{
    // AdminListGroupsForUser takes a Limit of 1 to 60.
    private const int PageSize = 60;

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GroupsOfAsync(string username, CancellationToken cancellationToken) =>
        CognitoFailures.UnavailableOnFailureAsync<IReadOnlyList<string>>(async () =>
        {
            var names = new List<string>();
            try
            {
                await foreach (var group in cognito.ListAllGroupsForUserAsync(
                    new AdminListGroupsForUserRequest { UserPoolId = userPoolId, Username = username, Limit = PageSize }, cancellationToken))
                {
                    if (!string.IsNullOrEmpty(group.GroupName))
                    {
                        names.Add(group.GroupName);
                    }
                }
            }
            catch (UserNotFoundException)
            {
                // Deleted between the password check and now: nothing to carry.
                return [];
            }

            return names;
        }, cancellationToken);
}
