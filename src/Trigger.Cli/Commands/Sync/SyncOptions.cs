using Trigger.Cli.Options;
using Trigger.Migration.Attributes;

namespace Trigger.Cli.Commands.Sync;

/// <summary>What <see cref="SyncRunner"/> keeps current, from where, and how fast. Defaults are documented per member.</summary>
internal sealed record SyncOptions
{
    /// <summary>The live primary pool (the trigger's old pool as the standby sees it).</summary>
    public required string PrimaryUserPoolId { get; init; }

    /// <summary>The standby pool kept current.</summary>
    public required string StandbyUserPoolId { get; init; }

    /// <summary>Show every change and write nothing (no standby write, no work-directory file).</summary>
    public bool DryRun { get; init; }

    /// <summary>Delete standby users the primary no longer has, instead of disabling them. Needs a confirmation.</summary>
    public bool DeleteMissing { get; init; }

    /// <summary>Confirm <see cref="DeleteMissing"/> without the question.</summary>
    public bool AssumeYes { get; init; }

    /// <summary>Checkpoint, journal and reports (default <c>sync-&lt;standby id&gt;</c>). The same folder resumes a pass.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>The sweep key (COGNITO_MIGRATE_SWEEP_KEY), so the standby's PreSignUp guard lets a creation through. Never printed.</summary>
    public string? SweepKey { get; init; }

    /// <summary>Renames and the legacy-sub attribute, as for the trigger; custom attributes default to the standby's schema.</summary>
    public AttributeMappingOptions Attributes { get; init; } = new();

    /// <summary>ListUsers pages per second on the primary (UserList, 30, not adjustable, shared with live traffic). Default 5.</summary>
    public double PagesPerSecond { get; init; } = 5;

    /// <summary>ListUsers pages per second on the standby (its own region's UserList quota). Default 5.</summary>
    public double StandbyPagesPerSecond { get; init; } = 5;

    /// <summary>AdminGetUser calls per second, on either pool (UserRead). Default 10.</summary>
    public double ReadsPerSecond { get; init; } = 10;

    /// <summary>AdminCreateUser calls per second on the standby (UserCreation). Default 5.</summary>
    public double CreatesPerSecond { get; init; } = 5;

    /// <summary>
    /// AdminUpdateUserAttributes, AdminEnableUser, AdminDisableUser, AdminDeleteUser and the creation's
    /// AdminSetUserPassword per second on the standby (UserUpdate, 25, not adjustable). Default 5.
    /// </summary>
    public double UpdatesPerSecond { get; init; } = 5;

    /// <summary>
    /// CreateGroup, AdminAddUserToGroup and AdminRemoveUserFromGroup per second on the standby (UserResourceUpdate,
    /// 25, not adjustable, shared with the standby's own group changes). Default 5.
    /// </summary>
    public double GroupWritesPerSecond { get; init; } = 5;

    /// <summary>Old role ARN to the role a standby group gets (as <c>groups --role-map</c>); every role of a group to create needs one.</summary>
    public IReadOnlyDictionary<string, string> RoleMap { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How the report is printed. Default text.</summary>
    public OutputFormat Format { get; init; } = OutputFormat.Text;

    /// <summary>The work directory actually used.</summary>
    internal string ResolvedWorkDirectory => Path.GetFullPath(WorkDirectory ?? $"sync-{StandbyUserPoolId}");

    /// <summary>The first problem with these options, named after the option; null when none.</summary>
    internal string? Problem()
    {
        if (string.IsNullOrWhiteSpace(PrimaryUserPoolId) || string.IsNullOrWhiteSpace(StandbyUserPoolId))
        {
            return "--old-pool-id (the primary) and --new-pool-id (the standby) are both required.";
        }

        if (string.Equals(PrimaryUserPoolId, StandbyUserPoolId, StringComparison.Ordinal))
        {
            return "--old-pool-id and --new-pool-id name the same pool: the standby must be another pool.";
        }

        foreach (var (value, name, maximum) in new[]
        {
            (PagesPerSecond, "--list-rate", 30.0),
            (StandbyPagesPerSecond, "--standby-list-rate", 30.0),
            (ReadsPerSecond, "--read-rate", 10_000.0),
            (CreatesPerSecond, "--rate", 10_000.0),
            (UpdatesPerSecond, "--update-rate", 25.0),
            (GroupWritesPerSecond, "--group-rate", 25.0),
        })
        {
            if (double.IsNaN(value) || value < 0.1 || value > maximum)
            {
                return $"{name} must be between 0.1 and {maximum} calls per second.";
            }
        }

        if (Attributes.LegacySubAttribute is { } legacy && !legacy.StartsWith("custom:", StringComparison.Ordinal))
        {
            return $"--legacy-sub-attribute must be a custom attribute ('custom:name'), not '{legacy}'.";
        }

        return null;
    }
}
