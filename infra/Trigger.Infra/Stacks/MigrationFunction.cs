using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using Trigger.Contract;
using Trigger.Infra.Configuration;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

namespace Trigger.Infra.Stacks;

/// <summary>
/// The trigger function, its log group and its role. The role holds only what the function does to
/// the old pool, the client secret, the cross-account role and its own log group; the read of the
/// new pool is granted by the stack once the new pool is known (see <see cref="MigrationStack"/>).
/// </summary>
internal sealed class MigrationFunction : Construct
{
    // Cognito waits 5 seconds for a trigger (fixed); a longer function timeout would only bill
    // work whose answer Cognito has already dropped.
    internal const int TimeoutSeconds = 5;

    public MigrationFunction(Construct scope, string id, MigrationSettings migration, string codeFolder)
        : base(scope, id)
    {
        LogGroup = new LogGroup(this, "LogGroup", new LogGroupProps
        {
            Retention = RetentionDays.ONE_MONTH,
            // Logs outlive a torn-down stack for the investigation after it; retention expires them.
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        // A role of our own: the role Lambda would create carries AWSLambdaBasicExecutionRole,
        // whose log actions are granted on every resource.
        Role = new Role(this, "Role", new RoleProps
        {
            RoleName = migration.FunctionRoleName,
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"The UserMigration trigger of {migration.StackName}: reads the old pool {migration.OldPool.UserPoolId}.",
        });

        Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteOwnLogs",
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resources = [LogGroup.LogGroupArn],
        }));

        var oldPool = migration.OldPool;
        if (oldPool.CrossAccountRole is { } crossAccount)
        {
            // Cognito has no resource policies: across accounts the old pool is read only through
            // the assumed role, so this role gets no Cognito action at all.
            Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "AssumeOldPoolRole",
                Actions = ["sts:AssumeRole"],
                Resources = [crossAccount.RoleArn],
            }));
        }
        else
        {
            Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "ReadOldPool",
                Actions = OldPoolAccessStack.OldPoolActionsFor(migration.CarryGroups),
                Resources = [oldPool.Arn],
            }));
        }

        if (oldPool.ClientSecretArn is { } secretArn)
        {
            Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "ReadOldClientSecret",
                Actions = ["secretsmanager:GetSecretValue"],
                Resources = [secretArn],
            }));
        }

        if (migration.FunctionSettings.SweepKeySecretArn is { } sweepKeyArn)
        {
            Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "ReadSweepKey",
                Actions = ["secretsmanager:GetSecretValue"],
                Resources = [sweepKeyArn],
            }));
        }

        if (migration.FoldIndex)
        {
            // The fold index: rebuilt from an export whenever needed, so it goes with the stack. On demand: it is
            // written in one burst by the ops tool and then only read, one GetItem per look-up.
            FoldIndexTable = new Table(this, "FoldIndex", new TableProps
            {
                PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = FoldIndexKeyAttribute, Type = AttributeType.STRING },
                BillingMode = BillingMode.PAY_PER_REQUEST,
                RemovalPolicy = RemovalPolicy.DESTROY,
            });
            Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "ReadFoldIndex",
                Actions = FoldIndexReadActions,
                Resources = [FoldIndexTable.TableArn],
            }));
        }

        if (migration.CarryGroups)
        {
            // The groups hand-over: what a UserMigration read waits here for the PostAuthentication and Pre token
            // generation steps, which another execution environment may serve. Items live minutes (TTL on
            // expires; the function also ignores expired items, TTL deletion being lazy), so the table goes with
            // the stack. On demand: a write and a conditional delete or two per first sign-in.
            GroupHandOverTable = new Table(this, "GroupHandOver", new TableProps
            {
                PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = GroupHandOverKeyAttribute, Type = AttributeType.STRING },
                BillingMode = BillingMode.PAY_PER_REQUEST,
                TimeToLiveAttribute = GroupHandOverExpiresAttribute,
                RemovalPolicy = RemovalPolicy.DESTROY,
            });
            Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "UseGroupHandOver",
                Actions = GroupHandOverActions,
                Resources = [GroupHandOverTable.TableArn],
            }));
        }

        Function = new LambdaFunction(this, "Function", new FunctionProps
        {
            FunctionName = migration.FunctionName,
            Description = $"UserMigration, PreSignUp, PostAuthentication and PreTokenGeneration trigger: migrates users of {oldPool.UserPoolId} on sign-in.",
            Runtime = Runtime.PROVIDED_AL2023,
            Architecture = migration.Architecture == FunctionArchitecture.Arm64 ? Architecture.ARM_64 : Architecture.X86_64,
            // A custom runtime starts the executable named bootstrap; the handler string is unused.
            Handler = "bootstrap",
            Code = Code.FromAsset(codeFolder),
            MemorySize = migration.MemorySizeMb,
            Timeout = Duration.Seconds(TimeoutSeconds),
            Role = Role,
            LogGroup = LogGroup,
            // Lambda passes the format to a custom runtime as AWS_LAMBDA_LOG_FORMAT.
            LoggingFormat = LoggingFormat.JSON,
            Environment = FunctionEnvironment.Of(migration),
        });
        if (FoldIndexTable is not null)
        {
            Function.AddEnvironment(TriggerSettingNames.FoldIndexTable, FoldIndexTable.TableName);
        }

        if (GroupHandOverTable is not null)
        {
            Function.AddEnvironment(TriggerSettingNames.GroupHandOverTable, GroupHandOverTable.TableName);
        }
    }

    /// <summary>The hand-over table's partition key (the function's <c>DynamoDbGroupHandOver.KeyAttribute</c>).</summary>
    internal const string GroupHandOverKeyAttribute = "k";

    /// <summary>The hand-over table's TTL attribute, epoch seconds (the function's <c>DynamoDbGroupHandOver.ExpiresAttribute</c>).</summary>
    internal const string GroupHandOverExpiresAttribute = "expires";

    /// <summary>All the function does to the hand-over table: PutItem to record, a conditional DeleteItem returning the item to take.</summary>
    internal static readonly string[] GroupHandOverActions = ["dynamodb:PutItem", "dynamodb:DeleteItem"];

    /// <summary>The groups hand-over table, unless the configuration turns groups off.</summary>
    public Table? GroupHandOverTable { get; }

    /// <summary>The table's partition key, as the function and the ops tool write and read it.</summary>
    internal const string FoldIndexKeyAttribute = "folded";

    /// <summary>All the function does to the fold index: one GetItem per look-up.</summary>
    internal static readonly string[] FoldIndexReadActions = ["dynamodb:GetItem"];

    /// <summary>The fold index table, when the configuration asks for one.</summary>
    public Table? FoldIndexTable { get; }

    public LambdaFunction Function { get; }

    public Role Role { get; }

    public LogGroup LogGroup { get; }
}
