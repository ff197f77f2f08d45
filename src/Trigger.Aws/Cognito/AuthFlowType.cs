namespace Trigger.Aws.Cognito;

/// <summary>Values of <see cref="AdminInitiateAuthRequest.AuthFlow"/> this product uses (Cognito API reference, AdminInitiateAuth).</summary>
public static class AuthFlowType
{
    /// <summary>Username and password checked by Cognito on the server side; the old client must allow it.</summary>
    public const string AdminUserPasswordAuth = "ADMIN_USER_PASSWORD_AUTH";

    /// <summary>A refresh token exchanged for new tokens.</summary>
    public const string RefreshTokenAuth = "REFRESH_TOKEN_AUTH";
}
