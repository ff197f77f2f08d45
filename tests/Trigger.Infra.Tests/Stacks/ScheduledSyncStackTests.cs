using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Trigger.Infra.Stacks;
using Trigger.Testing;
using static Trigger.Infra.Tests.TemplateValues;

namespace Trigger.Infra.Tests;

/// <summary>The scheduled sync in region B: the task, its schedule, its role, its work directory, its alarms.</summary>
[Slow]
[Collection(SynthesizedAppCollection.Name)]
public sealed class ScheduledSyncStackTests(ScheduledSyncApp fixture) : IClassFixture<ScheduledSyncApp>
{
    private readonly SynthesizedApp _app = fixture.Synthesized;

    private readonly MigrationStack _standby = fixture.Synthesized.Migration("Standby");
    private readonly MigrationStack _existing = fixture.Synthesized.Migration("ExistingStandby");

    private ScheduledSync Sync => _standby.Sync!;

    private Template Template => _app.Template(_standby);

    private string PoolId => Template.FindResources("AWS::Cognito::UserPool").Keys.Single();

    private static readonly string[] _standbyActions =
    [
        "cognito-idp:ListUsers", "cognito-idp:AdminGetUser", "cognito-idp:DescribeUserPool", "cognito-idp:AdminCreateUser",
        "cognito-idp:AdminSetUserPassword", "cognito-idp:AdminUpdateUserAttributes", "cognito-idp:AdminEnableUser",
        "cognito-idp:AdminDisableUser", "cognito-idp:ListGroups", "cognito-idp:ListUsersInGroup", "cognito-idp:CreateGroup",
        "cognito-idp:AdminAddUserToGroup", "cognito-idp:AdminRemoveUserFromGroup",
    ];

    [Fact]
    public void Schedule_Rate_StartsOneFargateTaskOfTheSyncOnTheConfiguredRateInUtc()
    {
        Template.HasResourceProperties("AWS::Scheduler::Schedule", Props(
            ("Name", "TriggerMigration-Standby-sync"),
            ("ScheduleExpression", "rate(6 hours)"),
            ("ScheduleExpressionTimezone", "UTC"),
            ("State", "ENABLED"),
            ("Target", Match.ObjectLike(Props(
                ("Arn", GetAtt(_app.LogicalId(_standby, Sync.Cluster), "Arn")),
                ("EcsParameters", Match.ObjectLike(Props(
                    ("TaskDefinitionArn", Ref(_app.LogicalId(_standby, Sync.TaskDefinition))),
                    ("LaunchType", "FARGATE"),
                    ("TaskCount", 1),
                    ("NetworkConfiguration", Props(("AwsvpcConfiguration", Match.ObjectLike(Props(("AssignPublicIp", "ENABLED"))))))))))))));
    }

    [Fact]
    public void Schedule_Cron_TakesTheExpressionAsGiven()
    {
        _app.Template(_existing).HasResourceProperties("AWS::Scheduler::Schedule", Props(("ScheduleExpression", "cron(30 2 * * ? *)")));
    }

    [Fact]
    public void TaskPolicy_WithLegacySub_ExactlyTheSyncCallsOnTheTwoPoolsAndTheAccessPointMount()
    {
        Template.HasResourceProperties("AWS::IAM::Policy", Props(
            ("Roles", new[] { Ref(_app.LogicalId(_standby, Sync.TaskRole)) }),
            ("PolicyDocument", Match.ObjectEquals(PolicyDocument(
                Allow("ReadPrimary", new[] { "cognito-idp:ListUsers", "cognito-idp:AdminGetUser", "cognito-idp:DescribeUserPool", "cognito-idp:ListGroups", "cognito-idp:ListUsersInGroup" }, ScheduledSyncApp.PrimaryArn),
                Allow("WriteStandby", _standbyActions, GetAtt(PoolId, "Arn")),
                Allow("CheckStandbyClients", new[] { "cognito-idp:ListUserPoolClients", "cognito-idp:DescribeUserPoolClient" }, GetAtt(PoolId, "Arn")),
                Props(
                    ("Sid", "MountWorkDir"), ("Effect", "Allow"),
                    ("Action", new[] { "elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite" }),
                    ("Resource", GetAtt(_app.LogicalId(_standby, Sync.FileSystem), "Arn")),
                    ("Condition", Props(("StringEquals", Props(("elasticfilesystem:AccessPointArn", Match.AnyValue())))))))))));

        // The access point's ARN is built by a Fn::Join around its Ref: only that one access point.
        var mount = PolicyStatements(_app.TemplateJson(_standby)).Single(s => s["Sid"]?.GetValue<string>() == "MountWorkDir");
        Assert.Contains($"{{\"Ref\":\"{_app.LogicalId(_standby, Sync.AccessPoint)}\"}}", mount["Condition"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(":access-point/", mount["Condition"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TaskPolicy_ExistingStandbyWithoutLegacySub_NoClientCallsAndTheStandbysArn()
    {
        var existing = _existing.Sync!;
        _app.Template(_existing).HasResourceProperties("AWS::IAM::Policy", Props(
            ("Roles", new[] { Ref(_app.LogicalId(_existing, existing.TaskRole)) }),
            ("PolicyDocument", Match.ObjectLike(Props(("Statement", new object[]
            {
                Allow("ReadPrimary", new[] { "cognito-idp:ListUsers", "cognito-idp:AdminGetUser", "cognito-idp:DescribeUserPool", "cognito-idp:ListGroups", "cognito-idp:ListUsersInGroup" },
                    "arn:aws:cognito-idp:us-east-1:111111111111:userpool/us-east-1_OldPool02"),
                Allow("WriteStandby", _standbyActions, "arn:aws:cognito-idp:us-west-2:111111111111:userpool/us-west-2_Standby03"),
                Match.ObjectLike(Props(("Sid", "MountWorkDir"))),
            }))))));
    }

    [Fact]
    public void Policies_Sync_NoDeleteUserAndNoWildcardButTheEcrToken()
    {
        foreach (var statement in PolicyStatements(_app.TemplateJson(_standby)))
        {
            var actions = Strings(statement["Action"]).ToList();
            Assert.DoesNotContain("cognito-idp:AdminDeleteUser", actions);
            Assert.All(actions, action => Assert.DoesNotContain("*", action, StringComparison.Ordinal));
            if (Strings(statement["Resource"]).Any(resource => resource == "*"))
            {
                // The execution role's image pull: GetAuthorizationToken has no resource to scope it to.
                Assert.Equal(["ecr:GetAuthorizationToken"], actions);
            }
        }
    }

    [Fact]
    public void Container_Standby_RunsSyncWithTheConfiguredRatesAndMappingAndLogsItsExitCode()
    {
        var command = ContainerCommand(_app.TemplateJson(_standby));

        Assert.Contains("'cognito-migrate' 'sync' --old-pool-id 'eu-west-1_OldPool01' --old-region 'eu-west-1' --new-pool-id '", command, StringComparison.Ordinal);
        Assert.Contains(
            "' --new-region 'eu-central-1' --work-dir '/work' --list-rate '7' --standby-list-rate '9' --read-rate '11' --rate '3' --update-rate '4' --output 'json'"
            + " --legacy-sub-attribute 'custom:legacy_sub' --attribute-renames 'custom:org=custom:tenant'",
            command, StringComparison.Ordinal);
        Assert.DoesNotContain("--delete-missing", command, StringComparison.Ordinal);
        Assert.EndsWith("; code=$?; echo '{\"cognitoMigrateSyncExit\":'\"$code\"'}'; exit $code", command, StringComparison.Ordinal);
    }

    [Fact]
    public void ShellCommand_ExistingStandby_NamesTheStandbyAndTheDefaultRates()
    {
        var command = ScheduledSync.ShellCommand(_existing.Migration, _existing.Migration.Sync!, "us-west-2_Standby03");

        Assert.Equal(
            "'cognito-migrate' 'sync' --old-pool-id 'us-east-1_OldPool02' --old-region 'us-east-1' --new-pool-id 'us-west-2_Standby03' --new-region 'us-west-2'"
            + " --work-dir '/work' --list-rate '5' --standby-list-rate '5' --read-rate '10' --rate '5' --update-rate '5' --output 'json';"
            + " code=$?; echo '{\"cognitoMigrateSyncExit\":'\"$code\"'}'; exit $code",
            command);
    }

    [Fact]
    public void TaskDefinition_Standby_MountsTheAccessPointEncryptedWithIamAndGetsTheSweepKeyFromSecretsManager()
    {
        Template.HasResourceProperties("AWS::ECS::TaskDefinition", Props(
            ("RequiresCompatibilities", new[] { "FARGATE" }),
            ("TaskRoleArn", GetAtt(_app.LogicalId(_standby, Sync.TaskRole), "Arn")),
            ("Volumes", new object[]
            {
                Props(("Name", "work"), ("EFSVolumeConfiguration", Props(
                    ("FilesystemId", Ref(_app.LogicalId(_standby, Sync.FileSystem))),
                    ("TransitEncryption", "ENABLED"),
                    ("AuthorizationConfig", Props(("AccessPointId", Ref(_app.LogicalId(_standby, Sync.AccessPoint))), ("IAM", "ENABLED")))))),
            }),
            ("ContainerDefinitions", new object[]
            {
                Match.ObjectLike(Props(
                    ("EntryPoint", new[] { "/bin/sh", "-c" }),
                    ("MountPoints", new object[] { Props(("ContainerPath", "/work"), ("ReadOnly", false), ("SourceVolume", "work")) }),
                    ("Secrets", new object[] { Props(("Name", "COGNITO_MIGRATE_SWEEP_KEY"), ("ValueFrom", ScheduledSyncApp.SweepKeyArn)) }))),
            })));
        Template.HasResourceProperties("AWS::IAM::Policy", Props(
            ("PolicyDocument", Match.ObjectLike(Props(("Statement", Match.ArrayWith(new object[]
            {
                Match.ObjectLike(Props(("Action", new[] { "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret" }), ("Resource", ScheduledSyncApp.SweepKeyArn))),
            }))))),
            ("Roles", new[] { Ref(_app.LogicalId(_standby, Sync.TaskDefinition.ExecutionRole!)) })));
    }

    [Fact]
    public void AccessPoint_Standby_WritesAsTheUnprivilegedUserUnderItsOwnFolder()
    {
        Template.HasResourceProperties("AWS::EFS::AccessPoint", Props(
            ("PosixUser", Props(("Uid", "1000"), ("Gid", "1000"))),
            ("RootDirectory", Props(("Path", "/sync"), ("CreationInfo", Props(("OwnerUid", "1000"), ("OwnerGid", "1000"), ("Permissions", "750")))))));
        Template.HasResource("AWS::EFS::FileSystem", Props(("DeletionPolicy", "Retain"), ("Properties", Match.ObjectLike(Props(("Encrypted", true))))));
    }

    [Fact]
    public void SchedulerRole_Standby_MayOnlyRunTheTaskAndPassItsTwoRoles()
    {
        Template.HasResourceProperties("AWS::IAM::Policy", Props(
            ("PolicyDocument", Match.ObjectEquals(PolicyDocument(
                Allow("RunSyncTask", "ecs:RunTask", Ref(_app.LogicalId(_standby, Sync.TaskDefinition))),
                Allow("PassSyncRoles", "iam:PassRole", new object[]
                {
                    GetAtt(_app.LogicalId(_standby, Sync.TaskRole), "Arn"),
                    GetAtt(_app.LogicalId(_standby, Sync.TaskDefinition.ExecutionRole!), "Arn"),
                }))))));
        Template.HasResourceProperties("AWS::IAM::Role", Props(
            ("AssumeRolePolicyDocument", Match.ObjectLike(Props(("Statement", new object[]
            {
                Match.ObjectLike(Props(
                    ("Principal", Props(("Service", "scheduler.amazonaws.com"))),
                    ("Condition", Props(("StringEquals", Props(("aws:SourceAccount", "111111111111"))))))),
            }))))));
    }

    [Fact]
    public void MetricFilters_Standby_CountSuccessfulAndFailedRunsFromTheExitLine()
    {
        Template.HasResourceProperties("AWS::Logs::MetricFilter", Props(
            ("FilterPattern", "{ $.cognitoMigrateSyncExit = 0 }"),
            ("MetricTransformations", new object[] { Props(("MetricNamespace", "CognitoMigrate/Standby"), ("MetricName", "SyncSucceeded"), ("MetricValue", "1")) })));
        Template.HasResourceProperties("AWS::Logs::MetricFilter", Props(
            ("FilterPattern", "{ $.cognitoMigrateSyncExit != 0 }"),
            ("MetricTransformations", new object[] { Props(("MetricNamespace", "CognitoMigrate/Standby"), ("MetricName", "SyncFailed"), ("MetricValue", "1")) })));
    }

    [Fact]
    public void Alarms_Standby_FireOnAFailedRunAndAfterTwoPeriodsWithoutSuccessAndNotifyTheTopic()
    {
        Template.HasResourceProperties("AWS::CloudWatch::Alarm", Props(
            ("AlarmName", "TriggerMigration-Standby-sync-failed"),
            ("Namespace", "CognitoMigrate/Standby"), ("MetricName", "SyncFailed"), ("Statistic", "Sum"), ("Period", 300),
            ("Threshold", 1), ("ComparisonOperator", "GreaterThanOrEqualToThreshold"), ("TreatMissingData", "notBreaching"),
            ("AlarmActions", new[] { ScheduledSyncApp.TopicArn }), ("OKActions", new[] { ScheduledSyncApp.TopicArn })));
        Template.HasResourceProperties("AWS::CloudWatch::Alarm", Props(
            ("AlarmName", "TriggerMigration-Standby-sync-stale"),
            ("Namespace", "CognitoMigrate/Standby"), ("MetricName", "SyncSucceeded"), ("Statistic", "Sum"), ("Period", 3600),
            ("EvaluationPeriods", 12), ("DatapointsToAlarm", 12),
            ("Threshold", 1), ("ComparisonOperator", "LessThanThreshold"), ("TreatMissingData", "breaching"),
            ("AlarmActions", new[] { ScheduledSyncApp.TopicArn }), ("OKActions", new[] { ScheduledSyncApp.TopicArn })));
    }

    [Fact]
    public void StaleAlarm_CronWithStaleAfterHours_EvaluatesThatManyHours()
    {
        _app.Template(_existing).HasResourceProperties("AWS::CloudWatch::Alarm", Props(
            ("AlarmName", "TriggerMigration-ExistingStandby-sync-stale"), ("EvaluationPeriods", 30), ("DatapointsToAlarm", 30)));
    }

    [Fact]
    public void Network_Standby_PublicSubnetsOnlyNoNatGatewayAndNoInboundToTheTask()
    {
        Template.ResourceCountIs("AWS::EC2::NatGateway", 0);
        Template.ResourceCountIs("AWS::EC2::Subnet", 2);
        Template.ResourceCountIs("AWS::Lambda::Function", 1);
        var groups = _app.TemplateJson(_standby)["Resources"]!.AsObject()
            .Where(pair => pair.Value!["Type"]!.GetValue<string>() == "AWS::EC2::SecurityGroup" && pair.Key.Contains("TaskSecurityGroup", StringComparison.Ordinal))
            .ToList();
        Assert.Single(groups);
        Assert.Null(groups[0].Value!["Properties"]!["SecurityGroupIngress"]);
    }

    [Fact]
    public void Outputs_Standby_NameTheScheduleClusterTaskLogsAndWorkDir()
    {
        var outputs = _app.TemplateJson(_standby)["Outputs"]!.AsObject();

        Assert.Equal("TriggerMigration-Standby-sync", outputs["SyncScheduleName"]!["Value"]!.GetValue<string>());
        foreach (var name in new[] { "SyncClusterName", "SyncTaskDefinitionArn", "SyncLogGroupName", "SyncWorkDirFileSystemId" })
        {
            Assert.NotNull(outputs[name]);
        }
    }

    [Fact]
    public void Template_Standby_HasNoDependencyCycle()
    {
        Assert.Empty(TemplateGraph.FindCycle(_app.TemplateJson(_standby)));
        Assert.Empty(TemplateGraph.FindCycle(_app.TemplateJson(_existing)));
    }

    // The command is a Fn::Join around the created pool's Ref: its literal parts, with the pool id left out.
    private static string ContainerCommand(JsonObject template)
    {
        var definition = template["Resources"]!.AsObject().Single(pair => pair.Value!["Type"]!.GetValue<string>() == "AWS::ECS::TaskDefinition").Value!;
        var command = definition["Properties"]!["ContainerDefinitions"]![0]!["Command"]![0]!;
        return command is JsonObject join
            ? string.Concat(join["Fn::Join"]![1]!.AsArray().Select(part => part is JsonValue value ? value.GetValue<string>() : ""))
            : command.GetValue<string>();
    }

    private static IEnumerable<JsonObject> PolicyStatements(JsonObject template) =>
        template["Resources"]!.AsObject()
            .Where(pair => pair.Value!["Type"]!.GetValue<string>() == "AWS::IAM::Policy")
            .SelectMany(pair => pair.Value!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Select(statement => statement!.AsObject());

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonValue value => [value.GetValue<string>()],
        JsonArray array => array.SelectMany(Strings),
        _ => [],
    };
}
