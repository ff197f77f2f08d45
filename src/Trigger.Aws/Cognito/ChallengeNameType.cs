namespace Trigger.Aws.Cognito;

/// <summary>Values of <see cref="AdminInitiateAuthResponse.ChallengeName"/> (Cognito API reference, AdminInitiateAuth).</summary>
public static class ChallengeNameType
{
    /// <summary>Password right; an SMS code is due.</summary>
    public const string SmsMfa = "SMS_MFA";

    /// <summary>Password right; an email code is due.</summary>
    public const string EmailOtp = "EMAIL_OTP";

    /// <summary>Password right; a TOTP code is due.</summary>
    public const string SoftwareTokenMfa = "SOFTWARE_TOKEN_MFA";

    /// <summary>Password right; the user must choose an MFA method.</summary>
    public const string SelectMfaType = "SELECT_MFA_TYPE";

    /// <summary>Password right; MFA is required but not set up yet.</summary>
    public const string MfaSetup = "MFA_SETUP";

    /// <summary>The password is a temporary one (user in FORCE_CHANGE_PASSWORD).</summary>
    public const string NewPasswordRequired = "NEW_PASSWORD_REQUIRED";

    /// <summary>A custom auth Lambda asks a question.</summary>
    public const string CustomChallenge = "CUSTOM_CHALLENGE";

    /// <summary>A new device must be confirmed.</summary>
    public const string DeviceSrpAuth = "DEVICE_SRP_AUTH";
}
