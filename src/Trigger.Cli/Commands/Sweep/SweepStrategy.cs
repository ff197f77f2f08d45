namespace Trigger.Cli.Commands.Sweep;

/// <summary>How the sweep creates stragglers in the new pool.</summary>
internal enum SweepStrategy
{
    /// <summary>
    /// AdminCreateUser per straggler (paced under UserCreation), then AdminSetUserPassword with a random
    /// password nobody ever sees, so the user is CONFIRMED and the forgot-password flow works; with
    /// notification, AdminResetUserPassword as well (RESET_REQUIRED, a code is sent).
    /// </summary>
    Admin,

    /// <summary>
    /// CSV import files built from GetCSVHeader (split at 500,000 rows or 100 MB), optionally imported
    /// through user import jobs; imported users land in RESET_REQUIRED and no message is sent.
    /// </summary>
    Csv,
}
