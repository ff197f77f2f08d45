namespace Trigger.Infra.Configuration;

/// <summary>What the function does with a right old password the new pool's policy rejects (MIGRATION_WEAK_PASSWORD_ACTION).</summary>
internal enum WeakPasswordAction
{
    /// <summary>Migrate the user as RESET_REQUIRED (needs a verified contact); the function's default.</summary>
    Reset,

    /// <summary>Refuse the migration, as for a wrong password.</summary>
    Refuse,

    /// <summary>Migrate as CONFIRMED with the old password anyway.</summary>
    Allow,
}
