namespace Trigger.Testing;

/// <summary>The sign-in state a seeded user ends in.</summary>
public enum SeededUserStatus
{
    /// <summary>CONFIRMED with <see cref="UserSpec.Password"/> as permanent password (AdminCreateUser SUPPRESS + AdminSetUserPassword Permanent).</summary>
    Confirmed,

    /// <summary>FORCE_CHANGE_PASSWORD with <see cref="UserSpec.Password"/> as temporary password (AdminCreateUser SUPPRESS).</summary>
    ForceChangePassword,

    /// <summary>RESET_REQUIRED (Confirmed, then AdminResetUserPassword). cognito-local does not support it.</summary>
    ResetRequired,
}
