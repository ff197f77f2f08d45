namespace Trigger.Migration.Events;

/// <summary>The <c>triggerSource</c> values this function serves.</summary>
public static class TriggerSources
{
    /// <summary>An unknown user signs in with a password.</summary>
    public const string MigrationAuthentication = "UserMigration_Authentication";

    /// <summary>An unknown user asks for a password reset.</summary>
    public const string MigrationForgotPassword = "UserMigration_ForgotPassword";

    /// <summary>Self-service sign-up through <c>SignUp</c>.</summary>
    public const string PreSignUpSignUp = "PreSignUp_SignUp";

    /// <summary>An administrator creates a user (<c>AdminCreateUser</c>), the sweep included.</summary>
    public const string PreSignUpAdminCreateUser = "PreSignUp_AdminCreateUser";

    /// <summary>A federated identity provider creates a user.</summary>
    public const string PreSignUpExternalProvider = "PreSignUp_ExternalProvider";

    /// <summary>
    /// A user signed in (after the password check, before the tokens are issued): the step that adds a
    /// just-migrated user's old groups.
    /// </summary>
    public const string PostAuthentication = "PostAuthentication_Authentication";

    /// <summary>Every Pre token generation source starts with this (<c>TokenGeneration_Authentication</c>, <c>_HostedAuth</c>, ...).</summary>
    public const string TokenGenerationPrefix = "TokenGeneration_";

    /// <summary>A token refresh: never a migration sign-in, so it never looks for a hand-over.</summary>
    public const string TokenGenerationRefreshTokens = "TokenGeneration_RefreshTokens";

    /// <summary>A machine-to-machine client-credentials grant (V3_0 events): no user, nothing to look for.</summary>
    public const string TokenGenerationClientCredentials = "TokenGeneration_ClientCredentials";
}
