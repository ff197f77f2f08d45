using Amazon.CDK.Assertions;
using Trigger.Contract;
using Trigger.Infra.Stacks;
using Trigger.Testing;
using static Trigger.Infra.Tests.TemplateValues;

namespace Trigger.Infra.Tests;

[Slow]
[Collection(SynthesizedAppCollection.Name)]
public sealed class ExistingPoolStackTests(SynthesizedApp app)
{
    private const string NewPoolArn = "arn:aws:cognito-idp:us-east-1:111111111111:userpool/us-east-1_NewPool02";

    private readonly MigrationStack _stack = app.Migration("Existing");
    private readonly MigrationStack _unguarded = app.Migration("Unguarded");

    private Template Template => app.Template(_stack);

    private string FunctionId => app.LogicalId(_stack, _stack.Trigger.Function);

    private string RoleId => app.LogicalId(_stack, _stack.Trigger.Role);

    [Fact]
    public void Template_ExistingPool_CreatesNoPoolAndNoClient()
    {
        Template.ResourceCountIs("AWS::Cognito::UserPool", 0);
        Template.ResourceCountIs("AWS::Cognito::UserPoolClient", 0);
    }

    [Fact]
    public void Output_ExistingPool_IsTheExactOpsToolCommandWithPreSignUp()
    {
        Template.HasOutput("EnableCommand", Props(("Value",
            "dotnet run --project src/Trigger.Cli -- enable --new-pool-id us-east-1_NewPool02"
            + " --function-arn arn:aws:lambda:us-east-1:111111111111:function:TriggerMigration-Existing --pre-sign-up")));
    }

    [Fact]
    public void Output_UnguardedExistingPool_IsTheCommandWithoutPreSignUp()
    {
        app.Template(_unguarded).HasOutput("EnableCommand", Props(("Value",
            "dotnet run --project src/Trigger.Cli -- enable --new-pool-id us-east-1_NewPool04"
            + " --function-arn arn:aws:lambda:us-east-1:111111111111:function:TriggerMigration-Unguarded")));
    }

    [Fact]
    public void Output_ExistingPool_FunctionArnInTheCommandIsTheDeployedFunctions()
    {
        // The command's ARN is built at synthesis from the fixed function name; it must be the same function.
        Template.HasResourceProperties("AWS::Lambda::Function", Props(("FunctionName", "TriggerMigration-Existing")));
        Assert.Equal("arn:aws:lambda:us-east-1:111111111111:function:TriggerMigration-Existing", _stack.Migration.FunctionArn);
    }

    [Fact]
    public void InvokePermission_ExistingPool_AllowsOnlyCognitoForTheExistingPoolAndAccount()
    {
        Template.ResourceCountIs("AWS::Lambda::Permission", 1);
        Template.HasResourceProperties("AWS::Lambda::Permission", Match.ObjectEquals(Props(
            ("Action", "lambda:InvokeFunction"),
            ("FunctionName", GetAtt(FunctionId, "Arn")),
            ("Principal", "cognito-idp.amazonaws.com"),
            ("SourceArn", NewPoolArn),
            ("SourceAccount", TestMigrations.FunctionAccount))));
    }

    [Fact]
    public void RolePolicy_CrossAccountOldPool_AllowsOnlyOwnLogsAndAssumingTheOneRole()
    {
        Template.HasResourceProperties("AWS::IAM::Policy", Props(
            ("Roles", new object[] { Ref(RoleId) }),
            ("PolicyDocument", Match.ObjectEquals(PolicyDocument(
                Allow("WriteOwnLogs", LogActions, GetAtt(app.LogicalId(_stack, _stack.Trigger.LogGroup), "Arn")),
                Allow("AssumeOldPoolRole", "sts:AssumeRole", TestMigrations.OldRoleArn),
                UseGroupHandOver(app, _stack))))));
    }

    [Fact]
    public void NewPoolReadPolicy_ExistingPool_AllowsOnlyReadsOfTheExistingPool()
    {
        Template.ResourceCountIs("AWS::IAM::Policy", 3);
        Template.HasResourceProperties("AWS::IAM::Policy", Props(
            ("Roles", new object[] { Ref(RoleId) }),
            ("PolicyDocument", Match.ObjectEquals(PolicyDocument(
                Allow("ReadNewPoolForSignUpGuard", NewPoolReadActions, NewPoolArn))))));
    }

    [Fact]
    public void NewPoolGroupsPolicy_ExistingPool_AllowsOnlyAddingMembershipsInTheExistingPool()
    {
        Template.HasResourceProperties("AWS::IAM::Policy", Props(
            ("Roles", new object[] { Ref(RoleId) }),
            ("PolicyDocument", Match.ObjectEquals(PolicyDocument(
                Allow("AddMigratedUsersToTheirGroups", NewPoolGroupActions, NewPoolArn))))));
    }

    [Fact]
    public void Function_CrossAccountExistingPoolWithSchemaAndPolicy_CarriesTheRoleButLeavesSchemaAndPolicyToThePool()
    {
        Template.HasResourceProperties("AWS::Lambda::Function", Props(
            ("Environment", Match.ObjectEquals(Props(("Variables", Props(
                (TriggerSettingNames.OldUserPoolId, "us-east-1_OldPool02"),
                (TriggerSettingNames.OldClientId, "oldclient02"),
                (TriggerSettingNames.OldRegion, "us-east-1"),
                (TriggerSettingNames.OldRoleArn, TestMigrations.OldRoleArn),
                (TriggerSettingNames.OldExternalId, TestMigrations.ExternalId),
                (TriggerSettingNames.LegacySubAttribute, "custom:legacy_id"),
                (TriggerSettingNames.WeakPasswordAction, "reset"),
                (TriggerSettingNames.PreSignUpFailOpen, "false"),
                GroupHandOverVariable(app, _stack)))))),
            ("Runtime", "provided.al2023"),
            ("Timeout", 5),
            ("MemorySize", 256)));
    }

    [Fact]
    public void Function_ExistingPoolWithoutSchemaOrPolicy_SetsOnlyTheOldPoolVariables()
    {
        // Nothing known about the existing pool: the function keeps only standard attributes and checks no policy.
        app.Template(_unguarded).HasResourceProperties("AWS::Lambda::Function", Props(
            ("Environment", Match.ObjectEquals(Props(("Variables", Props(
                (TriggerSettingNames.OldUserPoolId, "us-east-1_OldPool04"),
                (TriggerSettingNames.OldClientId, "oldclient04"),
                (TriggerSettingNames.OldRegion, "us-east-1"),
                GroupHandOverVariable(app, _unguarded))))))));
    }

    [Fact]
    public void RolePolicy_UnguardedSameAccountPool_AllowsOwnLogsAndTheOldPoolOnly()
    {
        var template = app.Template(_unguarded);
        // The role's own policy, and the groups step's membership policy on the new pool beside it.
        template.ResourceCountIs("AWS::IAM::Policy", 2);
        template.HasResourceProperties("AWS::IAM::Policy", Props(
            ("PolicyDocument", Match.ObjectEquals(PolicyDocument(
                Allow("WriteOwnLogs", LogActions, GetAtt(app.LogicalId(_unguarded, _unguarded.Trigger.LogGroup), "Arn")),
                Allow("ReadOldPool", OldPoolActions, "arn:aws:cognito-idp:us-east-1:111111111111:userpool/us-east-1_OldPool04"),
                UseGroupHandOver(app, _unguarded))))));
    }

    [Fact]
    public void Alarms_ExistingPoolWithoutTopic_HaveNoActions()
    {
        Template.ResourceCountIs("AWS::CloudWatch::Alarm", 3);
        Template.AllResourcesProperties("AWS::CloudWatch::Alarm", Props(
            ("AlarmActions", Match.Absent()),
            ("OKActions", Match.Absent())));
    }

    [Fact]
    public void Template_ExistingPool_HasNoDependencyCycle()
    {
        Assert.Empty(TemplateGraph.FindCycle(app.TemplateJson(_stack)));
    }
}
