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
}
