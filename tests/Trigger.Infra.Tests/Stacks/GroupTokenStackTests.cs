using Amazon.CDK.Assertions;
using Trigger.Infra.Stacks;
using Trigger.Testing;
using static Trigger.Infra.Tests.TemplateValues;

namespace Trigger.Infra.Tests;

/// <summary>
/// The groups' first-sign-in half in the template: the hand-over table (on demand, TTL on <c>expires</c>), the
/// function's PutItem and DeleteItem on that table only, its name in the function's environment, Pre token
/// generation V1_0 by default and V2_0 on an Essentials or Plus pool, and none of it with <c>"carryGroups": false</c>.
/// </summary>
[Collection(SynthesizedAppCollection.Name)]
[Slow]
public sealed class GroupTokenStackTests(SynthesizedApp app)
{
    private readonly MigrationStack _stack = app.Migration("Created");

    private Template Template => app.Template(_stack);

    private string TableId => app.LogicalId(_stack, _stack.Trigger.GroupHandOverTable!);

    private string RoleId => app.LogicalId(_stack, _stack.Trigger.Role);

    [Fact]
    public void Table_Default_OneOnDemandTableKeyedByKWithTimeToLiveOnExpires()
    {
        Template.ResourceCountIs("AWS::DynamoDB::Table", 1);
        Template.HasResourceProperties("AWS::DynamoDB::Table", Match.ObjectEquals(Props(
            ("KeySchema", new object[] { Props(("AttributeName", "k"), ("KeyType", "HASH")) }),
            ("AttributeDefinitions", new object[] { Props(("AttributeName", "k"), ("AttributeType", "S")) }),
            ("BillingMode", "PAY_PER_REQUEST"),
            ("TimeToLiveSpecification", Props(("AttributeName", "expires"), ("Enabled", true))))));
    }

    [Fact]
    public void Function_Default_ReadsTheTableNameFromItsEnvironment() =>
        Template.HasResourceProperties("AWS::Lambda::Function", Props(
            ("Environment", Props(("Variables", Props(("MIGRATION_GROUP_HANDOVER_TABLE", Ref(TableId))))))));

    [Fact]
    public void RolePolicy_Default_AllowsOnlyPutItemAndDeleteItemOnThatTable()
    {
        var useTable = Match.ObjectEquals(Props(
            ("Sid", "UseGroupHandOver"),
            ("Effect", "Allow"),
            ("Action", new[] { "dynamodb:PutItem", "dynamodb:DeleteItem" }),
            ("Resource", GetAtt(TableId, "Arn"))));
        Template.HasResourceProperties("AWS::IAM::Policy", Props(
            ("Roles", new object[] { Ref(RoleId) }),
            ("PolicyDocument", Props(("Statement", Match.ArrayWith(new object[] { useTable }))))));
        var dynamoActions = app.TemplateJson(_stack).ToJsonString().Split("\"dynamodb:", StringSplitOptions.None).Length - 1;
        Assert.Equal(2, dynamoActions);
    }

    [Fact]
    public void UserPool_PlusFeaturePlan_PreTokenGenerationV2AndTheTierSet()
    {
        var stack = app.Migration("Plus");
        var functionId = app.LogicalId(stack, stack.Trigger.Function);

        app.Template(stack).HasResourceProperties("AWS::Cognito::UserPool", Props(
            ("UserPoolTier", "PLUS"),
            ("LambdaConfig", Props(("PreTokenGenerationConfig", Props(("LambdaArn", GetAtt(functionId, "Arn")), ("LambdaVersion", "V2_0")))))));
    }

    [Fact]
    public void Stack_CarryGroupsOff_NoTableNoGroupTriggersNoGroupGrantAndTheSwitchInTheEnvironment()
    {
        var stack = app.Migration("NoGroups");
        var template = app.Template(stack);
        var json = app.TemplateJson(stack).ToJsonString();

        template.ResourceCountIs("AWS::DynamoDB::Table", 0);
        Assert.Null(stack.Trigger.GroupHandOverTable);
        Assert.DoesNotContain("\"PostAuthentication\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("PreTokenGenerationConfig", json, StringComparison.Ordinal);
        Assert.DoesNotContain("cognito-idp:AdminAddUserToGroup", json, StringComparison.Ordinal);
        Assert.DoesNotContain("cognito-idp:AdminListGroupsForUser", json, StringComparison.Ordinal);
        template.HasResourceProperties("AWS::Lambda::Function", Props(
            ("Environment", Props(("Variables", Props(("MIGRATION_CARRY_GROUPS", "false")))))));
    }
}
