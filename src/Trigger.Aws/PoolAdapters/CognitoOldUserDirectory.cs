using Trigger.Aws.Cognito;
using Trigger.Migration.Ports;

namespace Trigger.Aws.PoolAdapters;

/// <summary>
/// The old pool over Cognito: AdminGetUser and ListUsers to find users, AdminInitiateAuth with
/// ADMIN_USER_PASSWORD_AUTH to check a password. NotAuthorized is never retried (the old pool locks a user
/// out after repeated failures); a rejected SECRET_HASH triggers one refetch of a rotated secret.
/// Tokens the old pool issues are dropped on the spot: never logged, never returned.
/// </summary>
public sealed class CognitoOldUserDirectory(ICognitoIdentityProvider cognito, OldPoolTarget target, IClientSecretSource? clientSecret = null)
    : IOldUserDirectory
{
    private static readonly HashSet<string> _passwordProvingChallenges = new(StringComparer.Ordinal)
    {
        "SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP", "SMS_OTP", "MFA_SETUP", "SELECT_MFA_TYPE",
    };

    /// <inheritdoc />
    public Task<OldUser?> FindByUsernameAsync(string name, CancellationToken cancellationToken) =>
        CognitoFailures.UnavailableOnFailureAsync(async () =>
        {
            try
            {
                var user = await cognito.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = target.UserPoolId, Username = name }, cancellationToken);
                return user.Username is null ? null : CognitoUsers.ToOldUser(user);
            }
            catch (UserNotFoundException)
            {
                return null;
            }
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OldUser>> FindByAttributeAsync(string attribute, string value, int limit, CancellationToken cancellationToken) =>
        CognitoFailures.UnavailableOnFailureAsync<IReadOnlyList<OldUser>>(async () =>
        {
            var page = await cognito.ListUsersAsync(new ListUsersRequest
            {
                UserPoolId = target.UserPoolId,
                Filter = ListUsersFilter.ExactMatch(attribute, value),
                Limit = limit,
            }, cancellationToken);
            return [.. (page.Users ?? []).Where(u => u.Username is not null).Select(CognitoUsers.ToOldUser)];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<PasswordCheck> CheckPasswordAsync(string username, string password, CancellationToken cancellationToken) =>
        CognitoFailures.UnavailableOnFailureAsync(async () =>
        {
            try
            {
                return await AuthenticateAsync(username, password, refreshSecret: false, cancellationToken);
            }
            catch (NotAuthorizedException e) when (clientSecret is not null && IsSecretHashRejection(e))
            {
                // The secret may have been rotated since it was cached: one refetch, one more try.
                try
                {
                    return await AuthenticateAsync(username, password, refreshSecret: true, cancellationToken);
                }
                catch (NotAuthorizedException again) when (IsSecretHashRejection(again))
                {
                    throw new UserDirectoryUnavailableException("the old pool rejects the client secret", again);
                }
            }
        }, cancellationToken);

    private async Task<PasswordCheck> AuthenticateAsync(string username, string password, bool refreshSecret, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["USERNAME"] = username, ["PASSWORD"] = password };
        if (clientSecret is not null)
        {
            var secret = refreshSecret ? await clientSecret.RefreshAsync(cancellationToken) : await clientSecret.GetAsync(cancellationToken);
            parameters["SECRET_HASH"] = SecretHash.Compute(username, target.ClientId, secret);
        }

        try
        {
            var answer = await cognito.AdminInitiateAuthAsync(new AdminInitiateAuthRequest
            {
                UserPoolId = target.UserPoolId,
                ClientId = target.ClientId,
                AuthFlow = "ADMIN_USER_PASSWORD_AUTH",
                AuthParameters = parameters,
            }, cancellationToken);
            return answer switch
            {
                { AuthenticationResult: not null } => PasswordCheck.Accepted,
                { ChallengeName: "NEW_PASSWORD_REQUIRED" } => PasswordCheck.TemporaryPassword,
                { ChallengeName: { } challenge } when _passwordProvingChallenges.Contains(challenge) => PasswordCheck.AcceptedPendingMfa,
                _ => PasswordCheck.UnsupportedChallenge,
            };
        }
        catch (NotAuthorizedException e) when (!IsSecretHashRejection(e))
        {
            return PasswordCheck.Rejected;
        }
        catch (UserNotFoundException)
        {
            return PasswordCheck.UnknownUser;
        }
        catch (UserNotConfirmedException)
        {
            return PasswordCheck.NotConfirmed;
        }
        catch (PasswordResetRequiredException)
        {
            return PasswordCheck.ResetRequired;
        }
    }

    // Cognito says "Unable to verify secret hash for client <id>" when SECRET_HASH does not match.
    private static bool IsSecretHashRejection(NotAuthorizedException e) =>
        e.Message.Contains("secret hash", StringComparison.OrdinalIgnoreCase);
}
