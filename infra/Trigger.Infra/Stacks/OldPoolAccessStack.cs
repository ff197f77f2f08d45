using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;
using Trigger.Infra.Configuration;

namespace Trigger.Infra.Stacks;

/// <summary>
/// The small stack for the old pool's account: the role the trigger functions assume, trusting
/// exactly their roles with the external id, allowed only the trigger's reads of the old pools.
/// </summary>
internal sealed class OldPoolAccessStack : Stack
{
    /// <summary>What the trigger does to the old pool: check a password, read a user, find a user by alias.</summary>
    internal static readonly string[] OldPoolActions =
        ["cognito-idp:AdminInitiateAuth", "cognito-idp:AdminGetUser", "cognito-idp:ListUsers", "cognito-idp:AdminListGroupsForUser"];

    /// <summary>The old-pool actions of migrations that carry groups (<see cref="OldPoolActions"/>), or without the groups read.</summary>
    internal static string[] OldPoolActionsFor(bool carryGroups) =>
        carryGroups ? OldPoolActions : [.. OldPoolActions.Where(a => a != "cognito-idp:AdminListGroupsForUser")];

    /// <param name="scope">The app.</param>
    /// <param name="role">The role, as the migrations name it.</param>
    /// <param name="migrations">Every migration that assumes this role (a pool and its DR copy may share it).</param>
    public OldPoolAccessStack(Construct scope, CrossAccountRoleSettings role, IReadOnlyList<MigrationSettings> migrations)
        : base(scope, StackNameFor(role), new StackProps
        {
            // IAM is global; the stack sits in the (first) old pool's region for want of a better one.
            Env = new Amazon.CDK.Environment { Account = role.Account, Region = migrations[0].OldPool.Region },
            Description = $"Lets the Cognito migration trigger(s) {string.Join(", ", migrations.Select(m => m.Name))} read the old pool.",
        })
    {
        var oldPoolArns = migrations.Select(m => m.OldPool.Arn).Distinct(StringComparer.Ordinal).ToArray();
        var trusted = migrations.Select(m => m.FunctionRoleArn).Distinct(StringComparer.Ordinal)
            .Select(arn => (IPrincipal)new ArnPrincipal(arn)).ToArray();

        Role = new Role(this, "OldPoolReader", new RoleProps
        {
            RoleName = role.RoleName,
            Path = role.RolePath,
            Description = "Assumed by the Cognito migration trigger to read the old pool.",
            AssumedBy = trusted.Length == 1 ? trusted[0] : new CompositePrincipal(trusted),
            ExternalIds = [role.ExternalId],
            InlinePolicies = new Dictionary<string, PolicyDocument>(StringComparer.Ordinal)
            {
                ["ReadOldPool"] = new(new PolicyDocumentProps
                {
                    Statements =
                    [
                        new PolicyStatement(new PolicyStatementProps
                        {
                            Sid = "ReadOldPool",
                            Actions = OldPoolActionsFor(migrations.Any(m => m.CarryGroups)),
                            Resources = oldPoolArns,
                        }),
                    ],
                }),
            },
        });

        _ = new CfnOutput(this, "OldPoolRoleArn", new CfnOutputProps { Value = Role.RoleArn, Description = "The role the trigger assumes." });
    }

    public Role Role { get; }

    internal static string StackNameFor(CrossAccountRoleSettings role) =>
        $"TriggerOldPoolAccess-{role.Account}-{new string([.. role.RoleName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')])}";
}
