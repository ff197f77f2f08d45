using Amazon.CDK.Assertions;
using Trigger.Infra.Stacks;
using Trigger.Testing;
using static Trigger.Infra.Tests.TemplateValues;

namespace Trigger.Infra.Tests;

/// <summary>A created pool after the migration window: no triggers, no password sign-in.</summary>
[Slow]
[Collection(SynthesizedAppCollection.Name)]
public sealed class ClosedWindowStackTests(SynthesizedApp app)
{
    private readonly MigrationStack _stack = app.Migration("Closed");

    private Template Template => app.Template(_stack);

    [Fact]
    public void UserPool_ClosedWindow_HasNoTriggers()
    {
        Template.HasResourceProperties("AWS::Cognito::UserPool", Props(("LambdaConfig", Match.Absent())));
    }

    [Fact]
    public void Client_ClosedWindow_AllowsSrpOnly()
    {
        Template.HasResourceProperties("AWS::Cognito::UserPoolClient", Props(
            ("ExplicitAuthFlows", Match.ArrayEquals(["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])),
            ("PreventUserExistenceErrors", "ENABLED")));
    }

    [Fact]
    public void Template_ClosedWindow_HasNoInvokePermissionAndNoNewPoolRead()
    {
        Template.ResourceCountIs("AWS::Lambda::Permission", 0);
        Template.ResourceCountIs("AWS::IAM::Policy", 1);
    }

    [Fact]
    public void UserPool_NoAliases_SignsInByUsernameOnly()
    {
        Template.HasResourceProperties("AWS::Cognito::UserPool", Props(
            ("AliasAttributes", Match.Absent()),
            ("UsernameAttributes", Match.Absent())));
    }
}
