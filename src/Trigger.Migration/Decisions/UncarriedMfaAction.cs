namespace Trigger.Migration.Decisions;

/// <summary>
/// What to do with a right password of a user whose second factor cannot be carried to the new pool
/// (TOTP, email codes, a choice of methods, MFA still to set up, SMS without a verified phone): migrating
/// them CONFIRMED would let a stuffed password alone in where a second factor was needed.
/// </summary>
public enum UncarriedMfaAction
{
    /// <summary>Migrate as RESET_REQUIRED when the user has a verified contact (the code proves they own it), else refuse. The default.</summary>
    Reset,

    /// <summary>Refuse the migration, as for a wrong password.</summary>
    Refuse,

    /// <summary>Migrate as CONFIRMED without the second factor (the behaviour before this setting existed).</summary>
    Allow,
}
