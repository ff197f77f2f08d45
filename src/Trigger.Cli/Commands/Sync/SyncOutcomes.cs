namespace Trigger.Cli.Commands.Sync;

/// <summary>The kinds of change a sync counts (journal, report). Creation outcomes are the sweep's words.</summary>
internal static class SyncOutcomes
{
    /// <summary>Attributes written with AdminUpdateUserAttributes.</summary>
    public const string Updated = "updated";

    /// <summary>Enabled in the standby because the primary has the user enabled.</summary>
    public const string Enabled = "enabled";

    /// <summary>Disabled in the standby because the primary has the user disabled.</summary>
    public const string Disabled = "disabled";

    /// <summary>Disabled in the standby because the primary no longer has the user.</summary>
    public const string DisabledMissing = "disabled-missing";

    /// <summary>Deleted from the standby because the primary no longer has the user (<c>--delete-missing</c>).</summary>
    public const string Deleted = "deleted";

    /// <summary>The dry run's word for a change: "would-" and the change.</summary>
    public static string Would(string outcome) => "would-" + outcome;
}
