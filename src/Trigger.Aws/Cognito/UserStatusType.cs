namespace Trigger.Aws.Cognito;

/// <summary>Values of <see cref="UserType.UserStatus"/> (Cognito API reference, UserType).</summary>
public static class UserStatusType
{
    /// <summary>Signed up, never confirmed.</summary>
    public const string Unconfirmed = "UNCONFIRMED";

    /// <summary>Confirmed.</summary>
    public const string Confirmed = "CONFIRMED";

    /// <summary>No longer active.</summary>
    public const string Archived = "ARCHIVED";

    /// <summary>Disabled because of a potential security threat.</summary>
    public const string Compromised = "COMPROMISED";

    /// <summary>Unknown to Cognito.</summary>
    public const string Unknown = "UNKNOWN";

    /// <summary>Must reset the password before signing in (imported users start here).</summary>
    public const string ResetRequired = "RESET_REQUIRED";

    /// <summary>Created by an administrator with a temporary password.</summary>
    public const string ForceChangePassword = "FORCE_CHANGE_PASSWORD";

    /// <summary>Signed in through a third-party identity provider.</summary>
    public const string ExternalProvider = "EXTERNAL_PROVIDER";
}
