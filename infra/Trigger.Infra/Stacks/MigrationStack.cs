using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using Trigger.Infra.Configuration;

namespace Trigger.Infra.Stacks;

/// <summary>
/// One migration: the trigger function with its least-privilege role, the new pool (created here,
/// or an existing one the ops tool wires up), Cognito's permission to invoke, and the alarms.
/// </summary>
internal sealed class MigrationStack : Stack
{
    internal const string CognitoPrincipal = "cognito-idp.amazonaws.com";

    // AdminGetUser for the PreSignUp guard's "already migrated?"; DescribeUserPool for the function to learn the
    // new pool's case rule, schema, sign-in attributes and password policy on its first invocation.
    internal static readonly string[] NewPoolReadActions = ["cognito-idp:AdminGetUser", "cognito-idp:DescribeUserPool"];

    /// <summary>The PostAuthentication step adds a migrated user to their old groups, and does nothing else in the new pool.</summary>
    internal static readonly string[] NewPoolGroupActions = ["cognito-idp:AdminAddUserToGroup"];

    public MigrationStack(Construct scope, MigrationSettings migration, string codeFolder, string? syncImageFolder = null)
        : base(scope, migration.StackName, new StackProps
        {
            // Explicit account and region: synthesis needs no credentials, and a DR copy is just
            // another entry whose region differs from the old pool's.
            Env = new Amazon.CDK.Environment { Account = migration.Account, Region = migration.Region },
            Description = $"Cognito user migration {migration.Name}: trigger for the old pool {migration.OldPool.UserPoolId}.",
        })
    {
        Migration = migration;
        Trigger = new MigrationFunction(this, "Trigger", migration, codeFolder);
        _ = new MigrationAlarms(this, "Alarms", migration, Trigger.Function);

        string newPoolArn;
        string newPoolId;
        bool guardsSignUp;
        bool invokedByCognito;
        switch (migration.NewPool)
        {
            case CreatedNewPoolSettings created:
                var pool = new CreatedNewPool(this, "NewPool", created, Trigger.Function, migration.CarryGroups);
                newPoolArn = pool.Pool.UserPoolArn;
                newPoolId = pool.Pool.UserPoolId;
                guardsSignUp = invokedByCognito = created.MigrationWindowOpen;
                _ = new CfnOutput(this, "NewUserPoolId", new CfnOutputProps { Value = pool.Pool.UserPoolId, Description = "The new pool." });
                _ = new CfnOutput(this, "NewUserPoolClientId", new CfnOutputProps { Value = pool.Client.UserPoolClientId, Description = "The new pool's app client." });
                break;
            case ExistingNewPoolSettings existing:
                newPoolArn = $"arn:{migration.Partition}:cognito-idp:{migration.Region}:{migration.Account}:userpool/{existing.UserPoolId}";
                newPoolId = existing.UserPoolId;
                guardsSignUp = existing.PreSignUpGuard;
                invokedByCognito = true;
                _ = new CfnOutput(this, "NewUserPoolId", new CfnOutputProps { Value = existing.UserPoolId, Description = "The new pool." });
                _ = new CfnOutput(this, "EnableCommand", new CfnOutputProps
                {
                    // CloudFormation cannot safely change the triggers of a pool it does not own: the
                    // ops tool reads the pool's settings and writes them back with the trigger added.
                    Value = EnableCommandFor(migration, existing),
                    Description = "Attaches the trigger to the existing new pool; run it from the repository root.",
                });
                break;
            default:
                throw new MigrationConfigException($"{migration.Name}: the new pool is neither created nor existing");
        }

        if (invokedByCognito)
        {
            // Cognito is the only caller, and only for this pool in this account.
            Trigger.Function.AddPermission("NewPoolInvoke", new Permission
            {
                Principal = new ServicePrincipal(CognitoPrincipal),
                Action = "lambda:InvokeFunction",
                SourceArn = newPoolArn,
                SourceAccount = migration.Account,
            });
        }

        if (invokedByCognito && migration.CarryGroups)
        {
            // The groups step (PostAuthentication, or Pre token generation when it comes first) adds memberships in the new pool; its own policy for the
            // same reason as the guard's below.
            NewPoolPolicy("NewPoolGroups", "AddMigratedUsersToTheirGroups", NewPoolGroupActions, newPoolArn);
        }

        if (guardsSignUp)
        {
            // The PreSignUp guard looks names up in the new pool, and the function reads the pool's settings. A policy of its own, attached to
            // the role: the function does not wait for it, so function -> pool -> function never
            // closes into a cycle the way the role's default policy would.
            NewPoolPolicy("NewPoolRead", "ReadNewPoolForSignUpGuard", NewPoolReadActions, newPoolArn);
        }

        if (Trigger.FoldIndexTable is { } foldIndex)
        {
            _ = new CfnOutput(this, "FoldIndexTable", new CfnOutputProps
            {
                Value = foldIndex.TableName,
                Description = "The fold index: fill it with cognito-migrate index --snapshot <export> --table <this>.",
            });
        }

        if (migration.Sync is { } sync)
        {
            Sync = new ScheduledSync(this, "Sync", migration, sync, newPoolId, newPoolArn,
                syncImageFolder ?? throw new MigrationConfigException($"{migration.Name}: the scheduled sync needs the sync image folder"));
        }

        _ = new CfnOutput(this, "FunctionArn", new CfnOutputProps { Value = Trigger.Function.FunctionArn, Description = "The trigger function." });
        _ = new CfnOutput(this, "FunctionRoleArn", new CfnOutputProps { Value = Trigger.Role.RoleArn, Description = "The role an old pool's account trusts." });
        _ = new CfnOutput(this, "LogGroupName", new CfnOutputProps { Value = Trigger.LogGroup.LogGroupName, Description = "The trigger's logs." });
    }

    public MigrationSettings Migration { get; }

    // A policy of the function's role on the new pool, apart from the role's default policy (see the guard's comment).
    private void NewPoolPolicy(string id, string sid, string[] actions, string newPoolArn) =>
        _ = new Policy(this, id, new PolicyProps
        {
            Roles = [Trigger.Role],
            Statements = [new PolicyStatement(new PolicyStatementProps { Sid = sid, Actions = actions, Resources = [newPoolArn] })],
        });

    public MigrationFunction Trigger { get; }

    /// <summary>The scheduled sync into the new pool, when the entry has a <c>sync</c> section.</summary>
    public ScheduledSync? Sync { get; }

    /// <summary>The ops-tool command that attaches the trigger to an existing new pool.</summary>
    internal static string EnableCommandFor(MigrationSettings migration, ExistingNewPoolSettings pool) =>
        $"dotnet run --project src/Trigger.Cli -- enable --new-pool-id {pool.UserPoolId} --function-arn {migration.FunctionArn}"
        + (pool.PreSignUpGuard ? " --pre-sign-up" : "");
}
