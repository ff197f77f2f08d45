using Trigger.Aws.Cognito;
using Trigger.Migration.Ports;

namespace Trigger.Aws.PoolAdapters;

/// <summary>
/// The old pool over Cognito: AdminGetUser and ListUsers to find users, AdminInitiateAuth with
/// ADMIN_USER_PASSWORD_AUTH to check a password. NotAuthorized is never retried (the old pool locks a user
/// out after repeated failures); give <c>passwordChecks</c> a client whose pipeline retries only unsent
/// requests (<see cref="AwsResilienceOptions.RetryOnlyUnsentRequests"/>), since a timeout or 5xx after
/// sending may already have counted a failed attempt. A rejected SECRET_HASH triggers one refetch of a rotated secret.
/// Tokens the old pool issues are dropped on the spot: never logged, never returned.
/// </summary>
public sealed class CognitoOldUserDirectory(
    ICognitoIdentityProvider cognito, OldPoolTarget target, IClientSecretSource? clientSecret = null, ICognitoIdentityProvider? passwordChecks = null)
    : IOldUserDirectory
{
    private readonly ICognitoIdentityProvider _passwordChecks = passwordChecks ?? cognito;

    // ListUsers takes a Limit of 1 to 60.
    private const int MaxListUsersLimit = 60;

    // Challenges Cognito asks only after the password proved right (the API reference names the email code
    // EMAIL_OTP in the enum and EMAIL_MFA in the challenge list: both are read). With an SMS or email code the old
    // pool has already sent the user a code (AdminInitiateAuth); the trigger never answers it.
    private static readonly HashSet<string> _smsChallenges = new(StringComparer.Ordinal) { "SMS_MFA", "SMS_OTP" };

    private static readonly HashSet<string> _uncarriedMfaChallenges = new(StringComparer.Ordinal)
    {
        "SOFTWARE_TOKEN_MFA", "EMAIL_OTP", "EMAIL_MFA", "MFA_SETUP", "SELECT_MFA_TYPE",
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

    /// <summary>
    /// Up to <paramref name="limit"/> users whose <paramref name="attribute"/> equals <paramref name="value"/>.
    /// ListUsers may answer a page shorter than its Limit, even an empty one, together with a
    /// PaginationToken (a filter does not change that), so the token is followed until the users asked for
    /// are found or there is no token; an empty first page never reads as "nobody". The caller's token
    /// (the invocation's budget) bounds the walk.
    /// </summary>
    public Task<IReadOnlyList<OldUser>> FindByAttributeAsync(string attribute, string value, int limit, CancellationToken cancellationToken) =>
        CognitoFailures.UnavailableOnFailureAsync<IReadOnlyList<OldUser>>(async () =>
        {
            var found = new List<OldUser>();
            string? token = null;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = await cognito.ListUsersAsync(new ListUsersRequest
                {
                    UserPoolId = target.UserPoolId,
                    Filter = ListUsersFilter.ExactMatch(attribute, value),
                    Limit = Math.Clamp(limit - found.Count, 1, MaxListUsersLimit),
                    PaginationToken = token,
                }, cancellationToken);
                found.AddRange((page.Users ?? []).Where(u => u.Username is not null).Select(CognitoUsers.ToOldUser));
                token = string.IsNullOrEmpty(page.PaginationToken) ? null : page.PaginationToken;
            }
            while (found.Count < limit && token is not null);

            return found.Count > limit ? found[..limit] : found;
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
                    throw new UserDirectoryUnavailableException("the old pool rejects the client secret", transient: false, again);
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
            var answer = await _passwordChecks.AdminInitiateAuthAsync(new AdminInitiateAuthRequest
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
                { ChallengeName: { } challenge } when _smsChallenges.Contains(challenge) => PasswordCheck.AcceptedPendingSmsMfa,
                { ChallengeName: { } challenge } when _uncarriedMfaChallenges.Contains(challenge) => PasswordCheck.AcceptedPendingUncarriedMfa,
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
    private static bool IsSecretHashRejection(NotAuthorizedException e) => e.SecretHashRejected;
}
