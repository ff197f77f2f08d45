namespace Trigger.Migration.Ports;

/// <summary>What the old pool said about a username and password.</summary>
public enum PasswordCheck
{
    /// <summary>Tokens were issued: the password is right.</summary>
    Accepted,

    /// <summary>An SMS code challenge (SMS_MFA, SMS_OTP) came after the password check: the password is right.</summary>
    AcceptedPendingSmsMfa,

    /// <summary>
    /// A second factor that cannot be carried to the new pool was asked for after the password check
    /// (SOFTWARE_TOKEN_MFA, EMAIL_OTP, SELECT_MFA_TYPE, MFA_SETUP): the password is right.
    /// </summary>
    AcceptedPendingUncarriedMfa,

    /// <summary><c>NEW_PASSWORD_REQUIRED</c>: the password is a temporary one an administrator set.</summary>
    TemporaryPassword,

    /// <summary>NotAuthorized: wrong password, disabled user, or too many attempts.</summary>
    Rejected,

    /// <summary>The old pool does not know the username.</summary>
    UnknownUser,

    /// <summary>The user never confirmed the sign-up.</summary>
    NotConfirmed,

    /// <summary>The old pool requires a password reset.</summary>
    ResetRequired,

    /// <summary>A challenge this product cannot read as a password check (custom auth, device SRP, ...).</summary>
    UnsupportedChallenge,
}
