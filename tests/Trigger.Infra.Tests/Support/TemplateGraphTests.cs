using System.Text.Json.Nodes;

namespace Trigger.Infra.Tests;

public sealed class TemplateGraphTests
{
    [Fact]
    public void FindCycle_FunctionWaitingForAPolicyThatNamesThePool_ReturnsTheCycle()
    {
        // The shape a default-policy grant on a created pool would take: function -> policy -> pool -> function.
        var template = JsonNode.Parse("""
            {
              "Resources": {
                "Function": { "Type": "AWS::Lambda::Function", "DependsOn": ["Policy"], "Properties": {} },
                "Policy": { "Type": "AWS::IAM::Policy", "Properties": { "Resource": { "Fn::GetAtt": ["Pool", "Arn"] } } },
                "Pool": { "Type": "AWS::Cognito::UserPool", "Properties": { "LambdaConfig": { "UserMigration": { "Fn::GetAtt": ["Function", "Arn"] } } } }
              }
            }
            """)!.AsObject();

        var cycle = TemplateGraph.FindCycle(template);

        Assert.Equal(["Function", "Policy", "Pool", "Function"], cycle);
    }

    [Fact]
    public void FindCycle_PolicyBesideTheFunction_ReturnsNothing()
    {
        var template = JsonNode.Parse("""
            {
              "Resources": {
                "Function": { "Type": "AWS::Lambda::Function", "Properties": { "Role": { "Ref": "Role" } } },
                "Role": { "Type": "AWS::IAM::Role", "Properties": {} },
                "Policy": { "Type": "AWS::IAM::Policy", "Properties": { "Roles": [{ "Ref": "Role" }], "Resource": { "Fn::Sub": "${Pool.Arn}" } } },
                "Pool": { "Type": "AWS::Cognito::UserPool", "Properties": { "LambdaConfig": { "UserMigration": { "Fn::GetAtt": ["Function", "Arn"] } } } }
              }
            }
            """)!.AsObject();

        Assert.Empty(TemplateGraph.FindCycle(template));
    }
}
