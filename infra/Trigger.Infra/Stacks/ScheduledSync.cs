using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.EFS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.Scheduler;
using FileSystem = Amazon.CDK.AWS.EFS.FileSystem;
using Policy = Amazon.CDK.AWS.IAM.Policy;
using Constructs;
using Trigger.Contract;
using Trigger.Infra.Configuration;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;
using SecretsManagerSecret = Amazon.CDK.AWS.SecretsManager.Secret;

namespace Trigger.Infra.Stacks;

/// <summary>
/// <c>cognito-migrate sync</c> from the old (primary) pool into the new (standby) pool on a schedule, with no laptop
/// involved: an ECS Fargate task (a pass runs minutes to hours; Lambda stops at 15) started by EventBridge Scheduler,
/// its work directory on an EFS access point (the checkpoint and journal survive a stopped task and resume the next
/// run), a least-privilege task role, and two alarms: a run failed, and no run succeeded for too long.
/// </summary>
internal sealed class ScheduledSync : Construct
{
    /// <summary>What the task does on the primary: list, read one user, read the pool's schema, list groups and their members.</summary>
    internal static readonly string[] PrimaryActions =
    [
        "cognito-idp:ListUsers", "cognito-idp:AdminGetUser", "cognito-idp:DescribeUserPool", "cognito-idp:ListGroups", "cognito-idp:ListUsersInGroup",
    ];

    /// <summary>
    /// What the task does on the standby (docs/SYNC.md, IAM): no AdminDeleteUser, since the scheduled sync never runs
    /// with --delete-missing.
    /// </summary>
    internal static readonly string[] StandbyActions =
    [
        "cognito-idp:ListUsers", "cognito-idp:AdminGetUser", "cognito-idp:DescribeUserPool", "cognito-idp:AdminCreateUser",
        "cognito-idp:AdminSetUserPassword", "cognito-idp:AdminUpdateUserAttributes", "cognito-idp:AdminEnableUser",
        "cognito-idp:AdminDisableUser", "cognito-idp:ListGroups", "cognito-idp:ListUsersInGroup", "cognito-idp:CreateGroup",
        "cognito-idp:AdminAddUserToGroup", "cognito-idp:AdminRemoveUserFromGroup",
    ];

    /// <summary>With --legacy-sub-attribute, sync checks that the standby's clients may not write the attribute.</summary>
    internal static readonly string[] StandbyClientActions = ["cognito-idp:ListUserPoolClients", "cognito-idp:DescribeUserPoolClient"];

    /// <summary>Mount and write through the one access point; no root access, no other file system call.</summary>
    internal static readonly string[] WorkDirActions = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"];

    /// <summary>The JSON key of the line the task logs when the command ends; the metric filters read it.</summary>
    internal const string ExitKey = "cognitoMigrateSyncExit";

    /// <summary>Where the access point is mounted in the container, passed as --work-dir.</summary>
    internal const string WorkDirPath = "/work";

    internal const string SucceededMetric = "SyncSucceeded";
    internal const string FailedMetric = "SyncFailed";

    // The image runs as this user; the access point forces it, so every file is the task's whatever the image says.
    private const string PosixId = "1000";

    public ScheduledSync(Construct scope, string id, MigrationSettings migration, SyncScheduleSettings sync, string standbyPoolId, string standbyPoolArn, string imageFolder)
        : base(scope, id)
    {
        var primaryArn = $"arn:{migration.Partition}:cognito-idp:{migration.OldPool.Region}:{migration.OldPool.Account}:userpool/{migration.OldPool.UserPoolId}";
        var stack = Stack.Of(this);

        // Public subnets only, the task with a public address: it calls Cognito, ECR and CloudWatch Logs over their
        // public endpoints, and nothing can reach it (its security group admits nothing). No NAT gateway to pay for
        // between runs. Two zones named, not looked up, so synthesis needs no credentials.
        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            AvailabilityZones = [$"{migration.Region}a", $"{migration.Region}b"],
            NatGateways = 0,
            RestrictDefaultSecurityGroup = false,
            SubnetConfiguration = [new SubnetConfiguration { Name = "Public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 }],
        });
        var taskSecurityGroup = new SecurityGroup(this, "TaskSecurityGroup", new SecurityGroupProps
        {
            Vpc = Vpc,
            Description = $"The scheduled sync of {migration.Name}: outbound HTTPS and NFS only.",
            AllowAllOutbound = true,
        });

        // The work directory: plain files written with flush-and-rename, which EFS keeps across tasks. Retained: a
        // stack replaced by mistake must not lose the journal that says what was already written.
        FileSystem = new FileSystem(this, "WorkDir", new FileSystemProps
        {
            Vpc = Vpc,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC },
            Encrypted = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        FileSystem.Connections.AllowDefaultPortFrom(taskSecurityGroup, "The sync task mounts its work directory.");
        AccessPoint = FileSystem.AddAccessPoint("SyncAccessPoint", new AccessPointOptions
        {
            Path = "/sync",
            PosixUser = new PosixUser { Uid = PosixId, Gid = PosixId },
            CreateAcl = new Acl { OwnerUid = PosixId, OwnerGid = PosixId, Permissions = "750" },
        });

        Cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = Vpc });

        TaskRole = new Role(this, "TaskRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com"),
            Description = $"cognito-migrate sync of {migration.Name}: reads the primary, writes the standby.",
        });
        var statements = new List<PolicyStatement>
        {
            Allow("ReadPrimary", PrimaryActions, primaryArn),
            Allow("WriteStandby", StandbyActions, standbyPoolArn),
        };
        if (migration.FunctionSettings.LegacySubAttribute is not null)
        {
            statements.Add(Allow("CheckStandbyClients", StandbyClientActions, standbyPoolArn));
        }

        var mount = Allow("MountWorkDir", WorkDirActions, FileSystem.FileSystemArn);
        mount.AddCondition("StringEquals", new Dictionary<string, object> { ["elasticfilesystem:AccessPointArn"] = AccessPoint.AccessPointArn });
        statements.Add(mount);
        _ = new Policy(this, "TaskPolicy", new PolicyProps { Roles = [TaskRole], Statements = [.. statements] });

        LogGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            Retention = RetentionDays.THREE_MONTHS,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        TaskDefinition = new FargateTaskDefinition(this, "Task", new FargateTaskDefinitionProps
        {
            Cpu = 512,
            MemoryLimitMiB = 1024,
            TaskRole = TaskRole,
            Volumes =
            [
                new Amazon.CDK.AWS.ECS.Volume
                {
                    Name = "work",
                    EfsVolumeConfiguration = new EfsVolumeConfiguration
                    {
                        FileSystemId = FileSystem.FileSystemId,
                        TransitEncryption = "ENABLED",
                        AuthorizationConfig = new AuthorizationConfig { AccessPointId = AccessPoint.AccessPointId, Iam = "ENABLED" },
                    },
                },
            ],
        });

        var secrets = new Dictionary<string, EcsSecret>(StringComparer.Ordinal);
        if (migration.FunctionSettings.SweepKeySecretArn is { } sweepKeyArn)
        {
            // Injected by ECS at start (the execution role reads it, on this one secret); never on the command line.
            secrets["COGNITO_MIGRATE_SWEEP_KEY"] = EcsSecret.FromSecretsManager(SecretsManagerSecret.FromSecretCompleteArn(this, "SweepKey", sweepKeyArn));
        }

        Container = TaskDefinition.AddContainer("Sync", new ContainerDefinitionOptions
        {
            // Built for the task's platform (Fargate's default, x86_64) whatever machine deploys it.
            Image = ContainerImage.FromAsset(imageFolder, new AssetImageProps { Platform = Amazon.CDK.AWS.Ecr.Assets.Platform_.LINUX_AMD64 }),
            EntryPoint = ["/bin/sh", "-c"],
            Command = [ShellCommand(migration, sync, standbyPoolId)],
            Secrets = secrets,
            Logging = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = LogGroup, StreamPrefix = "sync" }),
        });
        Container.AddMountPoints(new MountPoint { SourceVolume = "work", ContainerPath = WorkDirPath, ReadOnly = false });

        var schedulerRole = new Role(this, "SchedulerRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("scheduler.amazonaws.com", new ServicePrincipalOpts
            {
                Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = migration.Account } },
            }),
            Description = $"EventBridge Scheduler starts the sync task of {migration.Name}.",
        });
        _ = new Policy(this, "SchedulerPolicy", new PolicyProps
        {
            Roles = [schedulerRole],
            Statements =
            [
                Allow("RunSyncTask", ["ecs:RunTask"], TaskDefinition.TaskDefinitionArn),
                Allow("PassSyncRoles", ["iam:PassRole"], TaskRole.RoleArn, TaskDefinition.ObtainExecutionRole().RoleArn),
            ],
        });

        Schedule = new CfnSchedule(this, "Schedule", new CfnScheduleProps
        {
            Name = $"{migration.StackName}-sync",
            Description = $"cognito-migrate sync {migration.OldPool.UserPoolId} into the standby of {migration.Name}.",
            ScheduleExpression = sync.Schedule,
            ScheduleExpressionTimezone = "UTC",
            FlexibleTimeWindow = new CfnSchedule.FlexibleTimeWindowProperty { Mode = "OFF" },
            State = "ENABLED",
            Target = new CfnSchedule.TargetProperty
            {
                Arn = Cluster.ClusterArn,
                RoleArn = schedulerRole.RoleArn,
                // A start that fails is retried by the next period; the freshness alarm tells when that is not enough.
                RetryPolicy = new CfnSchedule.RetryPolicyProperty { MaximumRetryAttempts = 0 },
                EcsParameters = new CfnSchedule.EcsParametersProperty
                {
                    TaskDefinitionArn = TaskDefinition.TaskDefinitionArn,
                    LaunchType = "FARGATE",
                    PlatformVersion = "LATEST",
                    TaskCount = 1,
                    NetworkConfiguration = new CfnSchedule.NetworkConfigurationProperty
                    {
                        AwsvpcConfiguration = new CfnSchedule.AwsVpcConfigurationProperty
                        {
                            Subnets = Vpc.PublicSubnets.Select(s => s.SubnetId).ToArray(),
                            SecurityGroups = [taskSecurityGroup.SecurityGroupId],
                            AssignPublicIp = "ENABLED",
                        },
                    },
                },
            },
        });

        var metricNamespace = $"CognitoMigrate/{migration.Name}";
        _ = LogGroup.AddMetricFilter("SucceededRuns", new MetricFilterOptions
        {
            FilterPattern = FilterPattern.NumberValue($"$.{ExitKey}", "=", 0),
            MetricNamespace = metricNamespace,
            MetricName = SucceededMetric,
            MetricValue = "1",
        });
        _ = LogGroup.AddMetricFilter("FailedRuns", new MetricFilterOptions
        {
            FilterPattern = FilterPattern.NumberValue($"$.{ExitKey}", "!=", 0),
            MetricNamespace = metricNamespace,
            MetricName = FailedMetric,
            MetricValue = "1",
        });

        Failed = OperatorAlarms.AtOrAbove(
            this,
            "FailedAlarm",
            $"{migration.StackName}-sync-failed",
            $"A scheduled sync of {migration.Name} ended with a non-zero exit (failed users, a stopped pass, or a run still holding the lock): see {migration.StackName}'s sync logs.",
            new Metric(new MetricProps { Namespace = metricNamespace, MetricName = FailedMetric, Statistic = "Sum", Period = Duration.Minutes(5) }),
            1);

        // No success line for StaleAfterHours hourly periods in a row: the run failed, never started (image pull, no
        // capacity), was killed before it could log, or overran. Missing data is breaching for that reason.
        Stale = new Alarm(this, "StaleAlarm", new AlarmProps
        {
            AlarmName = $"{migration.StackName}-sync-stale",
            AlarmDescription = $"No scheduled sync of {migration.Name} succeeded for {sync.StaleAfterHours} hours: the standby is falling behind the primary.",
            Metric = new Metric(new MetricProps { Namespace = metricNamespace, MetricName = SucceededMetric, Statistic = "Sum", Period = Duration.Hours(1) }),
            Threshold = 1,
            EvaluationPeriods = sync.StaleAfterHours,
            DatapointsToAlarm = sync.StaleAfterHours,
            ComparisonOperator = ComparisonOperator.LESS_THAN_THRESHOLD,
            TreatMissingData = TreatMissingData.BREACHING,
        });

        OperatorAlarms.Notify(this, migration.AlarmTopicArn, Failed, Stale);

        _ = new CfnOutput(stack, "SyncScheduleName", new CfnOutputProps { Value = Schedule.Name!, Description = "The schedule that starts the sync; disable it at failover." });
        _ = new CfnOutput(stack, "SyncClusterName", new CfnOutputProps { Value = Cluster.ClusterName, Description = "The cluster the sync task runs in." });
        _ = new CfnOutput(stack, "SyncTaskDefinitionArn", new CfnOutputProps { Value = TaskDefinition.TaskDefinitionArn, Description = "The sync task, for a run by hand (aws ecs run-task)." });
        _ = new CfnOutput(stack, "SyncLogGroupName", new CfnOutputProps { Value = LogGroup.LogGroupName, Description = "The sync task's output: the report of each run." });
        _ = new CfnOutput(stack, "SyncWorkDirFileSystemId", new CfnOutputProps { Value = FileSystem.FileSystemId, Description = "The EFS file system holding the sync's work directory (retained on delete)." });
    }

    public Vpc Vpc { get; }

    public FileSystem FileSystem { get; }

    public AccessPoint AccessPoint { get; }

    public Cluster Cluster { get; }

    public Role TaskRole { get; }

    public LogGroup LogGroup { get; }

    public FargateTaskDefinition TaskDefinition { get; }

    public ContainerDefinition Container { get; }

    public CfnSchedule Schedule { get; }

    public Alarm Failed { get; }

    public Alarm Stale { get; }

    /// <summary>
    /// The container's command: the sync, then one JSON line with its exit code (what the metric filters count), then
    /// the same exit code for ECS. The values are the validated configuration's; none needs shell quoting beyond the
    /// single quotes given.
    /// </summary>
    internal static string ShellCommand(MigrationSettings migration, SyncScheduleSettings sync, string standbyPoolId)
    {
        var environment = FunctionEnvironment.Of(migration);
        var arguments = new List<string>
        {
            "cognito-migrate", "sync",
            "--old-pool-id", migration.OldPool.UserPoolId, "--old-region", migration.OldPool.Region,
            "--new-pool-id", standbyPoolId, "--new-region", migration.Region,
            "--work-dir", WorkDirPath,
            "--list-rate", Number(sync.ListRate), "--standby-list-rate", Number(sync.StandbyListRate),
            "--read-rate", Number(sync.ReadRate), "--rate", Number(sync.CreateRate), "--update-rate", Number(sync.UpdateRate),
            "--output", "json",
        };
        if (environment.TryGetValue(TriggerSettingNames.LegacySubAttribute, out var legacySub))
        {
            arguments.AddRange(["--legacy-sub-attribute", legacySub]);
        }

        if (environment.TryGetValue(TriggerSettingNames.AttributeRenames, out var renames))
        {
            arguments.AddRange(["--attribute-renames", renames]);
        }

        if (environment.TryGetValue(TriggerSettingNames.NewCustomAttributes, out var custom))
        {
            arguments.AddRange(["--new-custom-attributes", custom]);
        }

        var command = string.Join(' ', arguments.Select(a => a.StartsWith("--", StringComparison.Ordinal) ? a : $"'{a}'"));
        return $"{command}; code=$?; echo '{{\"{ExitKey}\":'\"$code\"'}}'; exit $code";
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static PolicyStatement Allow(string sid, string[] actions, params string[] resources) =>
        new(new PolicyStatementProps { Sid = sid, Actions = actions, Resources = resources });
}
