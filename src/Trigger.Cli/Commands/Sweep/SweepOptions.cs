using Trigger.Cli.Options;
using Trigger.Migration.Attributes;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>What <see cref="SweepRunner"/> sweeps, into which pool, how and how fast. Defaults are documented per member.</summary>
internal sealed record SweepOptions
{
    /// <summary>The old pool to list the stragglers from; null when <see cref="SnapshotPath"/> is used.</summary>
    public string? OldUserPoolId { get; init; }

    /// <summary>A snapshot written by <c>export</c> to read the old users from; null when <see cref="OldUserPoolId"/> is used.</summary>
    public string? SnapshotPath { get; init; }

    /// <summary>The pool the stragglers are created in.</summary>
    public required string NewUserPoolId { get; init; }

    /// <summary>How stragglers are created. Default <see cref="SweepStrategy.Admin"/>.</summary>
    public SweepStrategy Strategy { get; init; } = SweepStrategy.Admin;

    /// <summary>
    /// The sweep key (from COGNITO_MIGRATE_SWEEP_KEY), shared with the function's MIGRATION_SWEEP_KEY_SECRET_ARN:
    /// each AdminCreateUser carries a proof made with it, without which the PreSignUp guard refuses to
    /// create an old username. Null: no proof is sent. A secret: never printed.
    /// </summary>
    public string? SweepKey { get; init; }

    /// <summary>List what would be created and why the rest would be skipped; nothing is written to the new pool.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Admin strategy: send each straggler a password-reset code (AdminResetUserPassword, status RESET_REQUIRED).
    /// Default false: nothing is sent and the user is CONFIRMED with a password nobody knows.
    /// </summary>
    public bool Notify { get; init; }

    /// <summary>
    /// With <see cref="SnapshotPath"/>: create users as the snapshot has them, without reading each again from
    /// the old pool first. Only for a disaster-recovery restore where the old pool is gone: otherwise users
    /// deleted, disabled or changed since the export would come back as they were. Default false.
    /// </summary>
    public bool TrustSnapshot { get; init; }

    /// <summary>Skip the confirmation prompt. Default false.</summary>
    public bool AssumeYes { get; init; }

    /// <summary>Forget a previous run's progress in <see cref="WorkDirectory"/> and sweep from the first user again.</summary>
    public bool Restart { get; init; }

    /// <summary>
    /// Where the checkpoint, the journal, the id map, the report and the CSV files live. Default
    /// <c>sweep-&lt;new pool id&gt;</c> in the current folder. Running again with the same folder resumes.
    /// </summary>
    public string? WorkDirectory { get; init; }

    /// <summary>
    /// AdminCreateUser calls per second. Default 10, allowed 0.1 to 10,000. The UserCreation quota (50 by
    /// default) is shared with live sign-ups, and each creation fires the new pool's PreSignUp guard, which
    /// reads the old pool (UserList, 30 per second, not adjustable).
    /// </summary>
    public double CreatesPerSecond { get; init; } = 10;

    /// <summary>
    /// AdminSetUserPassword / AdminResetUserPassword calls per second. Default 10, allowed 0.1 to 10,000;
    /// their quota (25 to 30 per second) cannot be raised and is shared with live password resets.
    /// </summary>
    public double PasswordCallsPerSecond { get; init; } = 10;

    /// <summary>AdminGetUser calls per second on the new pool (UserRead, 120 by default). Default 30, allowed 0.1 to 10,000.</summary>
    public double ReadsPerSecond { get; init; } = 30;

    /// <summary>ListUsers pages per second on the old pool (UserList, 30, not adjustable). Default 5, allowed 0.1 to 30.</summary>
    public double PagesPerSecond { get; init; } = 5;

    /// <summary>
    /// AdminAddUserToGroup calls per second on the new pool (UserResourceUpdate: 25 per second, not adjustable, shared with
    /// every other group write in the account). Default 10, allowed 0.1 to 25.
    /// </summary>
    public double GroupAddsPerSecond { get; init; } = 10;

    /// <summary>Users handled at the same time. Default 8, allowed 1 to 256.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>
    /// Renames and the legacy-sub attribute, as for the trigger. When <see cref="AttributeMappingOptions.NewCustomAttributes"/>
    /// is empty, the new pool's custom attributes are read from its schema.
    /// </summary>
    public AttributeMappingOptions Attributes { get; init; } = new();

    /// <summary>
    /// Create users even when some of their attributes have no place in the new schema (they are dropped and
    /// named in the report). Default false: such users are reported as unmappable and not created.
    /// </summary>
    public bool AllowDroppedAttributes { get; init; }

    /// <summary>CSV strategy: create, upload, start and poll an import job per file. Default false (files only).</summary>
    public bool RunImport { get; init; }

    /// <summary>CSV strategy with <see cref="RunImport"/>: the role Cognito writes the import logs with.</summary>
    public string? CloudWatchLogsRoleArn { get; init; }

    /// <summary>CSV strategy: time between two DescribeUserImportJob polls. Default 10 seconds.</summary>
    public TimeSpan ImportPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How the final report is printed. Default <see cref="OutputFormat.Text"/>.</summary>
    public OutputFormat Format { get; init; } = OutputFormat.Text;

    /// <summary>Redraw the progress line in place (a terminal) instead of printing a line per interval.</summary>
    public bool InteractiveProgress { get; init; }

    /// <summary>Time between two progress lines. Default 5 seconds.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The work directory actually used.</summary>
    internal string ResolvedWorkDirectory => Path.GetFullPath(WorkDirectory ?? $"sweep-{NewUserPoolId}");

    /// <summary>The first problem with these options, named after the command-line option; null when none.</summary>
    internal string? Problem()
    {
        if (string.IsNullOrWhiteSpace(NewUserPoolId))
        {
            return "--new-pool-id is required.";
        }

        if (string.IsNullOrWhiteSpace(OldUserPoolId) == string.IsNullOrWhiteSpace(SnapshotPath))
        {
            return "give exactly one source: --old-pool-id (the live old pool) or --snapshot (a file written by export).";
        }

        if (TrustSnapshot && SnapshotPath is null)
        {
            return "--trust-snapshot applies to --snapshot only.";
        }

        // The CSV strategy does not read snapshot users again from the old pool: from a snapshot it would import
        // users deleted or disabled since the export. Only a restore, where the old pool is gone, may do that.
        if (Strategy == SweepStrategy.Csv && SnapshotPath is not null && !TrustSnapshot)
        {
            return "--strategy csv imports snapshot users as they were at the export, without reading them again from the old pool "
                + "(a user deleted or disabled since would come back): sweep from --old-pool-id, or, for a restore where the old pool is gone, pass --trust-snapshot.";
        }

        if (SnapshotPath is not null && !File.Exists(SnapshotPath))
        {
            return $"--snapshot: '{SnapshotPath}' does not exist.";
        }

        if (OutOfRange(CreatesPerSecond, 10_000))
        {
            return "--rate must be between 0.1 and 10000 AdminCreateUser calls per second (and stay below your UserCreation quota).";
        }

        if (OutOfRange(PasswordCallsPerSecond, 10_000))
        {
            return "--password-rate must be between 0.1 and 10000 calls per second.";
        }

        if (OutOfRange(ReadsPerSecond, 10_000))
        {
            return "--read-rate must be between 0.1 and 10000 AdminGetUser calls per second.";
        }

        if (OutOfRange(PagesPerSecond, 30))
        {
            return "--list-rate must be between 0.1 and 30 ListUsers pages per second (UserList quota: 30 per second, not adjustable).";
        }

        if (OutOfRange(GroupAddsPerSecond, 25))
        {
            return "--group-rate must be between 0.1 and 25 AdminAddUserToGroup calls per second (UserResourceUpdate quota: 25 per second, not adjustable).";
        }

        if (Concurrency is < 1 or > 256)
        {
            return "--concurrency must be between 1 and 256.";
        }

        if (Notify && Strategy == SweepStrategy.Csv)
        {
            return "--notify applies to the admin strategy only: a CSV import never sends messages.";
        }

        if (RunImport && Strategy != SweepStrategy.Csv)
        {
            return "--import applies to the csv strategy only.";
        }

        if (RunImport && !(CloudWatchLogsRoleArn?.StartsWith("arn:", StringComparison.Ordinal) ?? false))
        {
            return "--import needs --cloudwatch-logs-role-arn: the IAM role ARN Cognito writes the import job's logs with.";
        }

        if (ImportPollInterval < TimeSpan.FromMilliseconds(1) || ImportPollInterval > TimeSpan.FromMinutes(10))
        {
            return "--poll-interval must be between 1 ms and 10 minutes.";
        }

        if (Attributes.LegacySubAttribute is { } legacy && !legacy.StartsWith("custom:", StringComparison.Ordinal))
        {
            return $"--legacy-sub-attribute must be a custom attribute ('custom:name'), not '{legacy}'.";
        }

        return null;
    }

    private static bool OutOfRange(double value, double maximum) => double.IsNaN(value) || value < 0.1 || value > maximum;
}
