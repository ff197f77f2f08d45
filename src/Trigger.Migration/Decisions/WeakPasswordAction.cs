namespace Trigger.Migration.Decisions;

/// <summary>What to do with a right password that the new pool's policy would reject.</summary>
public enum WeakPasswordAction
{
    /// <summary>Migrate the user as RESET_REQUIRED: they set a new password through a code. The default.</summary>
    Reset,

    /// <summary>Refuse the migration, as for a wrong password.</summary>
    Refuse,

    /// <summary>Migrate as CONFIRMED with the old password anyway.</summary>
    Allow,
}
