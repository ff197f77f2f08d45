using Trigger.Aws.Cognito;
using Trigger.Migration.Decisions;
using Trigger.Migration.Ports;

namespace Trigger.Aws.PoolAdapters;

/// <summary>The new pool, for the PreSignUp guard: does a user of that very username exist there yet (AdminGetUser)?</summary>
public sealed class CognitoNewUserDirectory(ICognitoIdentityProvider cognito) : INewUserDirectory
{
    /// <inheritdoc />
    public Task<bool> ExistsAsync(string userPoolId, string username, NameRule names, CancellationToken cancellationToken) =>
        CognitoFailures.UnavailableOnFailureAsync(async () =>
        {
            try
            {
                var found = await cognito.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = userPoolId, Username = username }, cancellationToken);
                // AdminGetUser also answers to an alias (and a sub): another user whose preferred_username is this
                // name is not this user. Compared by the pool's own rule: a case-insensitive pool hands the name back
                // folded, while in a case-sensitive pool "quinn" holding the alias "Quinn" is not the user Quinn.
                return names.Same(found.Username, username);
            }
            catch (UserNotFoundException)
            {
                return false;
            }
        }, cancellationToken);
}
