using Amazon.CDK.Assertions;
using Trigger.Infra.Stacks;
using Trigger.Testing;
using static Trigger.Infra.Tests.TemplateValues;

namespace Trigger.Infra.Tests;

/// <summary>A migration with <c>"foldIndex": true</c>: the on-demand table, its name in the function's environment, GetItem on it and nothing more.</summary>
[Collection(SynthesizedAppCollection.Name)]
[Slow]
public sealed class FoldIndexStackTests(SynthesizedApp app)
{
    private readonly MigrationStack _stack = app.Migration("Folded");

    private Template Template => app.Template(_stack);

    private string TableId => app.LogicalId(_stack, _stack.Trigger.FoldIndexTable!);

    private string RoleId => app.LogicalId(_stack, _stack.Trigger.Role);

    [Fact]
    public void Table_FoldIndexConfigured_OneOnDemandTableKeyedByTheFoldedName()
    {
        // The fold index and the groups hand-over.
        Template.ResourceCountIs("AWS::DynamoDB::Table", 2);
        Template.HasResourceProperties("AWS::DynamoDB::Table", Match.ObjectEquals(Props(
            ("KeySchema", new object[] { Props(("AttributeName", "folded"), ("KeyType", "HASH")) }),
            ("AttributeDefinitions", new object[] { Props(("AttributeName", "folded"), ("AttributeType", "S")) }),
            ("BillingMode", "PAY_PER_REQUEST"))));
    }

    [Fact]
    public void Function_FoldIndexConfigured_ReadsTheTableNameFromItsEnvironment()
    {
        Template.HasResourceProperties("AWS::Lambda::Function", Props(
            ("Environment", Props(("Variables", Props(("MIGRATION_FOLD_INDEX_TABLE", Ref(TableId))))))));
    }

    [Fact]
    public void RolePolicy_FoldIndexConfigured_AllowsOnlyGetItemOnThatTable()
    {
        var readFoldIndex = Match.ObjectEquals(Allow("ReadFoldIndex", "dynamodb:GetItem", GetAtt(TableId, "Arn")));
        Template.HasResourceProperties("AWS::IAM::Policy", Props(
            ("Roles", new object[] { Ref(RoleId) }),
            ("PolicyDocument", Props(("Statement", Match.ArrayWith(new object[] { readFoldIndex }))))));
        // No other DynamoDB action anywhere in the stack but the groups hand-over's PutItem and DeleteItem.
        var dynamoActions = app.TemplateJson(_stack).ToJsonString().Split("\"dynamodb:", StringSplitOptions.None).Length - 1;
        Assert.Equal(3, dynamoActions);
    }

    [Fact]
    public void Output_FoldIndexConfigured_NamesTheTableForTheOpsTool() =>
        Template.HasOutput("FoldIndexTable", Props(("Value", Ref(TableId))));

    [Theory]
    [InlineData("Created")]
    [InlineData("Existing")]
    public void Table_NotConfigured_NoneAndNoVariable(string migration)
    {
        var stack = app.Migration(migration);
        var template = app.Template(stack);

        // Only the groups hand-over.
        template.ResourceCountIs("AWS::DynamoDB::Table", 1);
        Assert.Null(stack.Trigger.FoldIndexTable);
        Assert.DoesNotContain("MIGRATION_FOLD_INDEX_TABLE", app.TemplateJson(stack).ToJsonString(), StringComparison.Ordinal);
    }
}
