using Trigger.Aws.Cognito;
using Trigger.Cli.Commands.Groups;

namespace Trigger.Cli.Commands.Plan;

/// <summary>Everything the plan's checks look at, read from both pools before any check runs.</summary>
internal sealed record PlanInput
{
    /// <summary>The old pool, described.</summary>
    public required UserPoolType OldPool { get; init; }

    /// <summary>The new pool, described.</summary>
    public required UserPoolType NewPool { get; init; }

    /// <summary>The new pool's app clients to check (all of them, or the one <c>--new-client-id</c> names).</summary>
    public required IReadOnlyList<UserPoolClientType> NewClients { get; init; }

    /// <summary><c>--new-client-id</c>, when given.</summary>
    public string? NewClientId { get; init; }

    /// <summary><c>--old-client-id</c>, when given.</summary>
    public string? OldClientId { get; init; }

    /// <summary>The old pool's app clients: the one <c>--old-client-id</c> names (empty if it does not exist), else all of them.</summary>
    public required IReadOnlyList<UserPoolClientType> OldClients { get; init; }

    /// <summary>True when <c>--old-client-secret-arn</c> says where the old client's secret is kept.</summary>
    public bool OldClientSecretArnGiven { get; init; }

    /// <summary>Old users read with <c>--scan</c>; null without it.</summary>
    public UserSample? Sample { get; init; }

    /// <summary>The fold index table the function reads (<c>--fold-index-table</c>, as MIGRATION_FOLD_INDEX_TABLE); null when none.</summary>
    public string? FoldIndexTable { get; init; }

    /// <summary>Old attribute name to new attribute name (<c>--attribute-renames</c>, as MIGRATION_ATTRIBUTE_RENAMES).</summary>
    public IReadOnlyDictionary<string, string> Renames { get; init; } = new Dictionary<string, string>();

    /// <summary>Every old group compared with the new pool's (role ARNs unmapped).</summary>
    public IReadOnlyList<GroupComparison> Groups { get; init; } = [];

    /// <summary>The old groups the new pool lacks that have at least one member.</summary>
    public IReadOnlySet<string> MissingGroupsWithMembers { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>With <c>--sync-state</c>: the disaster-recovery pair's sync, read from that work directory; null without it.</summary>
    public DisasterRecoveryState? DisasterRecovery { get; init; }
}
