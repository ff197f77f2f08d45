using System.Text.Json.Nodes;
using Trigger.Testing;

namespace Trigger.Infra.Tests;

/// <summary>Checks over every synthesised stack: no wildcard grants, no managed policies, Cognito-only invokes.</summary>
[Slow]
[Collection(SynthesizedAppCollection.Name)]
public sealed class LeastPrivilegeTests(SynthesizedApp app)
{
    public static TheoryData<string> StackNames => new(TestMigrations.StackNames);

    [Theory]
    [MemberData(nameof(StackNames))]
    public void PolicyStatements_EveryStack_NameNoWildcardActionOrResource(string stackName)
    {
        var statements = PolicyStatements(TemplateOf(stackName)).ToList();

        Assert.NotEmpty(statements);
        foreach (var statement in statements)
        {
            Assert.Equal("Allow", statement["Effect"]!.GetValue<string>());
            Assert.Null(statement["NotAction"]);
            Assert.Null(statement["NotResource"]);
            Assert.All(Strings(statement["Action"]), action => Assert.DoesNotContain("*", action, StringComparison.Ordinal));
            // Resources are literal ARNs or references to this stack's resources; no literal holds a "*".
            Assert.All(Strings(statement["Resource"]), resource => Assert.DoesNotContain("*", resource, StringComparison.Ordinal));
            Assert.All(Strings(statement["Principal"]), principal => Assert.DoesNotContain("*", principal, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(StackNames))]
    public void Roles_EveryStack_HaveNoManagedPolicies(string stackName)
    {
        foreach (var role in Resources(TemplateOf(stackName), "AWS::IAM::Role"))
        {
            Assert.Null(role["Properties"]!["ManagedPolicyArns"]);
        }
    }

    [Theory]
    [MemberData(nameof(StackNames))]
    public void InvokePermissions_EveryStack_AreCognitoWithSourceArnAndAccount(string stackName)
    {
        foreach (var permission in Resources(TemplateOf(stackName), "AWS::Lambda::Permission"))
        {
            var properties = permission["Properties"]!;
            Assert.Equal("cognito-idp.amazonaws.com", properties["Principal"]!.GetValue<string>());
            Assert.NotNull(properties["SourceArn"]);
            Assert.Equal(TestMigrations.FunctionAccount, properties["SourceAccount"]!.GetValue<string>());
        }
    }

    private JsonObject TemplateOf(string stackName) =>
        app.TemplateJson(app.Stacks.Single(s => s.StackName == stackName));

    private static IEnumerable<JsonObject> Resources(JsonObject template, string type) =>
        template["Resources"]!.AsObject()
            .Select(pair => pair.Value!.AsObject())
            .Where(resource => resource["Type"]!.GetValue<string>() == type);

    private static IEnumerable<JsonObject> PolicyStatements(JsonObject template)
    {
        var documents = Resources(template, "AWS::IAM::Policy").Select(p => p["Properties"]!["PolicyDocument"]!)
            .Concat(Resources(template, "AWS::IAM::Role").SelectMany(role =>
                (role["Properties"]!["Policies"]?.AsArray() ?? []).Select(p => p!["PolicyDocument"]!)
                    .Append(role["Properties"]!["AssumeRolePolicyDocument"]!)));
        return documents.SelectMany(d => d["Statement"]!.AsArray()).Select(s => s!.AsObject());
    }

    /// <summary>The literal strings of a value; references (Ref, Fn::GetAtt) point at this stack's resources.</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonValue value => [value.GetValue<string>()],
        JsonArray array => array.SelectMany(Strings),
        JsonObject obj when obj.ContainsKey("Ref") || obj.ContainsKey("Fn::GetAtt") => [],
        JsonObject obj => obj.SelectMany(pair => Strings(pair.Value)),
        _ => [],
    };
}
