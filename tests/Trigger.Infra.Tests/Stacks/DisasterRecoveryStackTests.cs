using Amazon.CDK.Assertions;
using Trigger.Contract;
using Trigger.Infra.Stacks;
using Trigger.Testing;
using static Trigger.Infra.Tests.TemplateValues;

namespace Trigger.Infra.Tests;

/// <summary>The migration synthesised for region B (eu-central-1) with the old pool in region A (eu-west-1).</summary>
[Slow]
[Collection(SynthesizedAppCollection.Name)]
public sealed class DisasterRecoveryStackTests(SynthesizedApp app)
{
    private readonly MigrationStack _stack = app.Migration("Dr");

    private Template Template => app.Template(_stack);

    private string FunctionId => app.LogicalId(_stack, _stack.Trigger.Function);

    private string PoolId => Template.FindResources("AWS::Cognito::UserPool").Keys.Single();

    [Fact]
    public void Stack_Dr_DeploysToRegionB()
    {
        Assert.Equal("eu-central-1", _stack.Region);
        Assert.Equal("aws://111111111111/eu-central-1", app.Assembly.GetStackArtifact(_stack.ArtifactId).Environment.Name);
    }

    [Fact]
    public void Function_DrCreatedPoolWithoutFunctionSettings_ReadsTheOldPoolInRegionAAndNothingOfTheNewPool()
    {
        Template.HasResourceProperties("AWS::Lambda::Function", Props(
            ("Environment", Match.ObjectEquals(Props(("Variables", Props(
                (TriggerSettingNames.OldUserPoolId, "eu-west-1_OldPool01"),
                (TriggerSettingNames.OldClientId, "oldclient01"),
                (TriggerSettingNames.OldRegion, "eu-west-1"),
                // No functionSettings: the function reads the created pool's aliases and policy itself.
                (TriggerSettingNames.OldClientSecretArn, TestMigrations.SecretArn),
                GroupHandOverVariable(app, _stack)))))),
            ("Architectures", new[] { "arm64" })));
    }

    [Fact]
    public void Function_CreatedPoolWithoutOverrides_SetsNoneOfTheThreeNewPoolVariables()
    {
        // A created pool with sign-in aliases (and Cognito's default policy), and no functionSettings: none of the
        // three variables that would freeze the pool's values (the function reads them with DescribeUserPool).
        var template = app.TemplateJson(_stack).ToJsonString();

        Assert.DoesNotContain(TriggerSettingNames.AliasAttributes, template, StringComparison.Ordinal);
        Assert.DoesNotContain(TriggerSettingNames.NewCustomAttributes, template, StringComparison.Ordinal);
        Assert.DoesNotContain(TriggerSettingNames.NewPasswordPolicy, template, StringComparison.Ordinal);
        Assert.Contains(TriggerSettingNames.OldUserPoolId, template, StringComparison.Ordinal);
    }

    [Fact]
    public void Function_DrWithMemorySize_TakesTheConfiguredMemory()
    {
        Template.HasResourceProperties("AWS::Lambda::Function", Props(
            ("FunctionName", "TriggerMigration-Dr"),
            ("MemorySize", 512)));
    }

    [Fact]
    public void Function_Dr_CodeComesFromRegionBsAssetBucket()
    {
        Template.HasResourceProperties("AWS::Lambda::Function", Props(
            ("Code", Props(("S3Bucket", "cdk-hnb659fds-assets-111111111111-eu-central-1")))));
    }

    [Fact]
    public void RolePolicy_Dr_NamesTheOldPoolAndSecretInRegionA()
    {
        Template.HasResourceProperties("AWS::IAM::Policy", Props(
            ("PolicyDocument", Match.ObjectEquals(PolicyDocument(
                Allow("WriteOwnLogs", LogActions, GetAtt(app.LogicalId(_stack, _stack.Trigger.LogGroup), "Arn")),
                Allow("ReadOldPool", OldPoolActions, "arn:aws:cognito-idp:eu-west-1:111111111111:userpool/eu-west-1_OldPool01"),
                Allow("ReadOldClientSecret", "secretsmanager:GetSecretValue", TestMigrations.SecretArn),
                UseGroupHandOver(app, _stack))))));
    }

    [Fact]
    public void Role_Dr_IsNamedForRegionBSoItDoesNotCollideWithThePrimary()
    {
        Template.HasResourceProperties("AWS::IAM::Role", Props(("RoleName", "TriggerMigration-Dr-eu-central-1")));
    }

    [Fact]
    public void UserPool_Dr_AttachesBothTriggersAndLetsOnlyItsCognitoInvoke()
    {
        Template.HasResourceProperties("AWS::Cognito::UserPool", Props(
            ("LambdaConfig", Match.ObjectEquals(Props(
                ("UserMigration", GetAtt(FunctionId, "Arn")),
                ("PreSignUp", GetAtt(FunctionId, "Arn")),
                ("PostAuthentication", GetAtt(FunctionId, "Arn")),
                ("PreTokenGenerationConfig", Props(("LambdaArn", GetAtt(FunctionId, "Arn")), ("LambdaVersion", "V1_0")))))),
            ("AliasAttributes", new[] { "email", "preferred_username" })));
        Template.HasResourceProperties("AWS::Lambda::Permission", Props(
            ("Principal", "cognito-idp.amazonaws.com"),
            ("SourceArn", GetAtt(PoolId, "Arn")),
            ("SourceAccount", TestMigrations.FunctionAccount)));
    }

    [Fact]
    public void Alarms_Dr_NotifyTheTopicInRegionB()
    {
        Template.ResourceCountIs("AWS::CloudWatch::Alarm", 3);
        Template.AllResourcesProperties("AWS::CloudWatch::Alarm", Props(
            ("AlarmActions", new[] { TestMigrations.DrTopicArn }),
            ("OKActions", new[] { TestMigrations.DrTopicArn })));
    }

    [Fact]
    public void Template_Dr_HasNoDependencyCycle()
    {
        Assert.Empty(TemplateGraph.FindCycle(app.TemplateJson(_stack)));
    }
}
