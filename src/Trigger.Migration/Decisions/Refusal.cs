namespace Trigger.Migration.Decisions;

/// <summary>Why a migration was refused. Logged and counted; never shown to the client, who sees a wrong password.</summary>
public enum Refusal
{
    /// <summary>No old user has the typed name.</summary>
    UnknownUser,

    /// <summary>Several old users share the typed alias.</summary>
    AmbiguousSignInName,

    /// <summary>The old pool rejected the password (or locked the user out).</summary>
    WrongPassword,

    /// <summary>The old user is disabled.</summary>
    UserDisabled,

    /// <summary>The old pool's record did not say whether the user is enabled: unknown is not enabled.</summary>
    EnabledUnknown,

    /// <summary>The old user never confirmed the sign-up.</summary>
    UserNotConfirmed,

    /// <summary>The old pool requires a reset, and this was a password sign-in.</summary>
    PasswordResetRequired,

    /// <summary>A temporary password, and no verified contact to send a reset code to.</summary>
    TemporaryPasswordWithoutVerifiedContact,

    /// <summary>Forgot-password without a verified email or phone: no code could be sent.</summary>
    NoVerifiedContact,

    /// <summary>A user status that cannot migrate (external provider, archived, compromised, unknown).</summary>
    UnsupportedUserStatus,

    /// <summary>The old pool answered with a challenge that does not prove the password.</summary>
    UnsupportedChallenge,

    /// <summary>The password is right but the new pool's policy rejects it, and the configuration says refuse.</summary>
    WeakPassword,

    /// <summary>The user's second factor cannot be carried over, and the configuration says refuse.</summary>
    UncarriedMfa,

    /// <summary>The user's second factor cannot be carried over, and there is no verified contact for a reset code.</summary>
    UncarriedMfaWithoutVerifiedContact,

    /// <summary>The event lacked the sign-in name or the password.</summary>
    IncompleteEvent,

    /// <summary>The old pool could not answer in time (throttling, 5xx, network).</summary>
    OldPoolUnavailable,

    /// <summary>The old pool refused a look-up itself (a 4xx other than throttling, e.g. a filter over its limits).</summary>
    OldPoolRejectedLookup,

    /// <summary>The invocation's time budget ran out.</summary>
    DeadlineExceeded,

    /// <summary>The new pool's settings (DescribeUserPool) could not be read, so its case rule and schema are unknown.</summary>
    NewPoolUnreadable,
}
