namespace Trigger.Infra.Configuration;

/// <summary>One migration: where the trigger and the new pool live, and which old pool it reads.</summary>
internal sealed record MigrationSettings
{
    /// <summary>
    /// The smallest size whose cold start (process start to the first migration answered, Native AOT)
    /// stayed under 1 second at the median and the maximum of 15 runs at its CPU share; measured in
    /// docs/BENCHMARKS.md ("Sizing the function"). The cold start is CPU-bound; the warm path waits on
    /// Cognito and needs little CPU, so more memory would mostly buy idle time.
    /// </summary>
    public const int DefaultMemorySizeMb = 256;

    /// <summary>Short name; the stack is <c>TriggerMigration-{Name}</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Account of the function and the new pool.</summary>
    public required string Account { get; init; }

    /// <summary>Region of the function and the new pool (region B in a DR setup).</summary>
    public required string Region { get; init; }

    /// <summary>Lambda architecture, matching the runtime identifier the function is published for.</summary>
    public required FunctionArchitecture Architecture { get; init; }

    /// <summary>
    /// The function's memory, and with it its CPU share (Lambda gives CPU in proportion to memory,
    /// 1,769 MB = one vCPU). Default <see cref="DefaultMemorySizeMb"/>.
    /// </summary>
    public int MemorySizeMb { get; init; } = DefaultMemorySizeMb;

    /// <summary>The pool users come from.</summary>
    public required OldPoolSettings OldPool { get; init; }

    /// <summary>The pool users go to: created by the stack, or an existing one.</summary>
    public required NewPoolSettings NewPool { get; init; }

    /// <summary>The function's optional behaviour settings; <see cref="FunctionSettings.None"/> when not configured.</summary>
    public required FunctionSettings FunctionSettings { get; init; }

    /// <summary>
    /// True when the stack creates the fold index table (on demand) for a case-sensitive old pool migrating into
    /// a case-insensitive new pool; the function reads it with GetItem (MIGRATION_FOLD_INDEX_TABLE) and
    /// <c>cognito-migrate index</c> fills it from an export.
    /// </summary>
    public bool FoldIndex { get; init; }

    /// <summary>
    /// True (the default) when migrations carry the old groups: the stack then creates the groups hand-over table
    /// (on demand, TTL on <c>expires</c>), wires PostAuthentication and Pre token generation on a pool it creates,
    /// and lets the function add memberships in the new pool. False sets <c>MIGRATION_CARRY_GROUPS=false</c> and
    /// creates and grants none of it.
    /// </summary>
    public bool CarryGroups { get; init; } = true;

    /// <summary>Optional SNS topic in <see cref="Region"/> that receives alarm and OK notifications.</summary>
    public string? AlarmTopicArn { get; init; }

    /// <summary>The scheduled <c>cognito-migrate sync</c> into the new pool (a DR standby), or null for none.</summary>
    public SyncScheduleSettings? Sync { get; init; }

    /// <summary>AWS partition of <see cref="Region"/>.</summary>
    public string Partition => AwsIdentifiers.PartitionOf(Region);

    /// <summary>The CloudFormation stack name.</summary>
    public string StackName => $"TriggerMigration-{Name}";

    /// <summary>
    /// The function's name, fixed so its ARN is known at synthesis (the enable command and the
    /// old account's trust policy need it); function names are unique per region, so is the stack.
    /// </summary>
    public string FunctionName => $"TriggerMigration-{Name}";

    /// <summary>The function's role name; role names are global per account, so the region is part of it.</summary>
    public string FunctionRoleName => $"TriggerMigration-{Name}-{Region}";

    /// <summary>The function's role ARN, known before deployment so another account can trust it.</summary>
    public string FunctionRoleArn => $"arn:{Partition}:iam::{Account}:role/{FunctionRoleName}";

    /// <summary>The function's ARN.</summary>
    public string FunctionArn => $"arn:{Partition}:lambda:{Region}:{Account}:function:{FunctionName}";
}
