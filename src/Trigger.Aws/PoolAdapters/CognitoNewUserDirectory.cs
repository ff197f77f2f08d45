using Trigger.Aws.Cognito;
using Trigger.Migration.Ports;

namespace Trigger.Aws.PoolAdapters;

/// <summary>The new pool, for the PreSignUp guard: does a user of that very username exist there yet (AdminGetUser)?</summary>
public sealed class CognitoNewUserDirectory(ICognitoIdentityProvider cognito) : INewUserDirectory
{
    /// <inheritdoc />
    public Task<bool> ExistsAsync(string userPoolId, string username, CancellationToken cancellationToken) =>
        CognitoFailures.UnavailableOnFailureAsync(async () =>
        {
            try
            {
                var found = await cognito.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = userPoolId, Username = username }, cancellationToken);
                // AdminGetUser also answers to an alias (and a sub): another user whose preferred_username is this
                // name is not this user. Letter case aside, since a case-insensitive pool may hand the name back folded.
                return string.Equals(found.Username, username, StringComparison.OrdinalIgnoreCase);
            }
            catch (UserNotFoundException)
            {
                return false;
            }
        }, cancellationToken);
}
