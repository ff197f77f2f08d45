using Trigger.Migration.Ports;

namespace Trigger.Migration.Decisions;

/// <summary>Which old user states may migrate, and to which final status. Pure functions.</summary>
public static class MigrationRules
{
    /// <summary>The final status for a user who proved their password and may keep it.</summary>
    public const string Confirmed = "CONFIRMED";

    /// <summary>The final status for a user who must set a new password through a code.</summary>
    public const string ResetRequired = "RESET_REQUIRED";

    /// <summary>Whether a password sign-in may even try the old password; null when it may.</summary>
    public static Refusal? BeforePasswordCheck(OldUser user) => user switch
    {
        { Enabled: false } => Refusal.UserDisabled,
        { Enabled: null } => Refusal.EnabledUnknown,
        { Status: "CONFIRMED" or "FORCE_CHANGE_PASSWORD" } => null,
        { Status: "RESET_REQUIRED" } => Refusal.PasswordResetRequired,
        { Status: "UNCONFIRMED" } => Refusal.UserNotConfirmed,
        _ => Refusal.UnsupportedUserStatus,
    };

    /// <summary>
    /// The final status after the old pool's answer, or the refusal. A temporary password never yields
    /// CONFIRMED: the user must choose a password, which needs a verified contact for the code.
    /// </summary>
    public static (string? FinalStatus, Refusal? Refusal) AfterPasswordCheck(
        OldUser user, PasswordCheck check, bool passwordMeetsNewPolicy, WeakPasswordAction weakPasswordAction) => Settle(user, check) switch
    {
        PasswordCheck.Accepted or PasswordCheck.AcceptedPendingSmsMfa or PasswordCheck.AcceptedPendingUncarriedMfa => (passwordMeetsNewPolicy, weakPasswordAction) switch
        {
            (true, _) or (false, WeakPasswordAction.Allow) => (Confirmed, null),
            (false, WeakPasswordAction.Reset) when user.HasVerifiedContact => (ResetRequired, null),
            _ => (null, Refusal.WeakPassword),
        },
        PasswordCheck.TemporaryPassword => user.HasVerifiedContact
            ? (ResetRequired, null)
            : (null, Refusal.TemporaryPasswordWithoutVerifiedContact),
        PasswordCheck.Rejected => (null, Refusal.WrongPassword),
        PasswordCheck.UnknownUser => (null, Refusal.UnknownUser),
        PasswordCheck.NotConfirmed => (null, Refusal.UserNotConfirmed),
        PasswordCheck.ResetRequired => (null, Refusal.PasswordResetRequired),
        _ => (null, Refusal.UnsupportedChallenge),
    };

    /// <summary>
    /// A FORCE_CHANGE_PASSWORD user's password is temporary whatever the old pool answered: some pools
    /// (and emulators) issue tokens for it, and it must never become a CONFIRMED password.
    /// </summary>
    private static PasswordCheck Settle(OldUser user, PasswordCheck check) =>
        user.Status == "FORCE_CHANGE_PASSWORD" && check is PasswordCheck.Accepted or PasswordCheck.AcceptedPendingSmsMfa or PasswordCheck.AcceptedPendingUncarriedMfa
            ? PasswordCheck.TemporaryPassword
            : check;

    /// <summary>Whether a forgot-password request may migrate the user (always as RESET_REQUIRED); null when it may.</summary>
    public static Refusal? ForForgotPassword(OldUser user) => user switch
    {
        { Enabled: false } => Refusal.UserDisabled,
        { Enabled: null } => Refusal.EnabledUnknown,
        { Status: "CONFIRMED" or "FORCE_CHANGE_PASSWORD" or "RESET_REQUIRED" } => user.HasVerifiedContact ? null : Refusal.NoVerifiedContact,
        { Status: "UNCONFIRMED" } => Refusal.UserNotConfirmed,
        _ => Refusal.UnsupportedUserStatus,
    };

    /// <summary>SMS MFA carries over when the user had it and the phone is verified; TOTP secrets cannot.</summary>
    public static bool CarriesSmsMfa(OldUser user) => CarriesSmsMfa(user, check: null);

    /// <summary>
    /// SMS MFA carries over (enableSMSMFA) when the user had it, by their settings or by the old pool's
    /// SMS challenge, and the phone is verified.
    /// </summary>
    public static bool CarriesSmsMfa(OldUser user, PasswordCheck? check) =>
        user.HasVerifiedPhone
        && (user.MfaMethods.Contains("SMS_MFA", StringComparer.Ordinal) || check == PasswordCheck.AcceptedPendingSmsMfa);

    /// <summary>
    /// True when the user had a second factor (in their MFA settings, or asked for by the old pool after
    /// the password) and the new pool would not get one: no SMS MFA carried. TOTP secrets cannot be read,
    /// email codes and method choices cannot be set by the trigger's answer, and MFA_SETUP means the old
    /// pool demanded a factor the user has not enrolled yet.
    /// </summary>
    public static bool LosesMfa(OldUser user, PasswordCheck? check) =>
        (user.MfaMethods.Count > 0 || check is PasswordCheck.AcceptedPendingSmsMfa or PasswordCheck.AcceptedPendingUncarriedMfa)
        && !CarriesSmsMfa(user, check);

    /// <summary>
    /// Applies <paramref name="action"/> to a migration that would end in <paramref name="finalStatus"/>
    /// for a user who loses their second factor; unchanged when they do not.
    /// </summary>
    public static (string? FinalStatus, Refusal? Refusal) ForUncarriedMfa(
        OldUser user, PasswordCheck? check, string finalStatus, UncarriedMfaAction action) =>
        !LosesMfa(user, check) ? (finalStatus, null) : action switch
        {
            UncarriedMfaAction.Allow => (finalStatus, null),
            UncarriedMfaAction.Refuse => (null, Refusal.UncarriedMfa),
            _ when user.HasVerifiedContact => (ResetRequired, null),
            _ => (null, Refusal.UncarriedMfaWithoutVerifiedContact),
        };
}
