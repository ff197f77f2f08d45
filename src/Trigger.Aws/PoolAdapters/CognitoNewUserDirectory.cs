using Trigger.Aws.Cognito;
using Trigger.Migration.Ports;

namespace Trigger.Aws.PoolAdapters;

/// <summary>The new pool, for the PreSignUp guard: does a username exist there yet (AdminGetUser)?</summary>
public sealed class CognitoNewUserDirectory(ICognitoIdentityProvider cognito) : INewUserDirectory
{
    /// <inheritdoc />
    public Task<bool> ExistsAsync(string userPoolId, string username, CancellationToken cancellationToken) =>
        CognitoFailures.UnavailableOnFailureAsync(async () =>
        {
            try
            {
                await cognito.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = userPoolId, Username = username }, cancellationToken);
                return true;
            }
            catch (UserNotFoundException)
            {
                return false;
            }
        }, cancellationToken);
}
