using Trigger.Aws.Cognito;
using Trigger.Migration.Ports;

namespace Trigger.Aws.PoolAdapters;

/// <summary>The new pool's memberships over Cognito: AdminAddUserToGroup; a missing group is ResourceNotFound.</summary>
public sealed class CognitoNewGroupMemberships(ICognitoIdentityProvider cognito) : INewGroupMemberships
{
    /// <inheritdoc />
    public Task<bool> AddAsync(string userPoolId, string username, string groupName, CancellationToken cancellationToken) =>
        CognitoFailures.UnavailableOnFailureAsync(async () =>
        {
            try
            {
                await cognito.AdminAddUserToGroupAsync(
                    new AdminAddUserToGroupRequest { UserPoolId = userPoolId, Username = username, GroupName = groupName }, cancellationToken);
                return true;
            }
            catch (ResourceNotFoundException)
            {
                return false;
            }
        }, cancellationToken);
}
