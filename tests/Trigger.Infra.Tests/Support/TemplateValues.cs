namespace Trigger.Infra.Tests;

/// <summary>Builders for the CloudFormation shapes the tests expect, read like the template itself.</summary>
internal static class TemplateValues
{
    public static Dictionary<string, object> Props(params (string Key, object Value)[] pairs) =>
        pairs.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    public static Dictionary<string, object> GetAtt(string logicalId, string attribute) =>
        Props(("Fn::GetAtt", new object[] { logicalId, attribute }));

    public static Dictionary<string, object> Ref(string logicalId) => Props(("Ref", logicalId));

    public static Dictionary<string, object> Allow(string sid, object actions, object resource) =>
        Props(("Sid", sid), ("Effect", "Allow"), ("Action", actions), ("Resource", resource));

    public static Dictionary<string, object> PolicyDocument(params object[] statements) =>
        Props(("Version", "2012-10-17"), ("Statement", statements));

    public static readonly string[] OldPoolActions =
        ["cognito-idp:AdminInitiateAuth", "cognito-idp:AdminGetUser", "cognito-idp:ListUsers", "cognito-idp:AdminListGroupsForUser"];

    // The guard calls AdminGetUser on the new pool, the function DescribeUserPool; nothing else.
    public static readonly string[] NewPoolReadActions = ["cognito-idp:AdminGetUser", "cognito-idp:DescribeUserPool"];

    // The groups step adds memberships in the new pool and does nothing else there.
    public const string NewPoolGroupActions = "cognito-idp:AdminAddUserToGroup";

    public static readonly string[] LogActions = ["logs:CreateLogStream", "logs:PutLogEvents"];

    /// <summary>What the function does to its groups hand-over table.</summary>
    public static readonly string[] GroupHandOverActions = ["dynamodb:PutItem", "dynamodb:DeleteItem"];

    /// <summary>The role's statement on <paramref name="stack"/>'s groups hand-over table.</summary>
    public static Dictionary<string, object> UseGroupHandOver(SynthesizedApp app, Trigger.Infra.Stacks.MigrationStack stack) =>
        Allow("UseGroupHandOver", GroupHandOverActions, GetAtt(app.LogicalId(stack, stack.Trigger.GroupHandOverTable!), "Arn"));

    /// <summary>The function's variable naming <paramref name="stack"/>'s groups hand-over table.</summary>
    public static (string, object) GroupHandOverVariable(SynthesizedApp app, Trigger.Infra.Stacks.MigrationStack stack) =>
        (Trigger.Contract.TriggerSettingNames.GroupHandOverTable, Ref(app.LogicalId(stack, stack.Trigger.GroupHandOverTable!)));
}
