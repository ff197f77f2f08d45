using Amazon.CDK.Assertions;
using Trigger.Contract;
using Trigger.Infra.Stacks;
using Trigger.Testing;
using static Trigger.Infra.Tests.TemplateValues;

namespace Trigger.Infra.Tests;

[Slow]
[Collection(SynthesizedAppCollection.Name)]
public sealed class CreatedPoolStackTests(SynthesizedApp app)
{
    private readonly MigrationStack _stack = app.Migration("Created");

    private Template Template => app.Template(_stack);

    private string FunctionId => app.LogicalId(_stack, _stack.Trigger.Function);

    private string RoleId => app.LogicalId(_stack, _stack.Trigger.Role);

    private string PoolId => Template.FindResources("AWS::Cognito::UserPool").Keys.Single();

    [Fact]
    public void Function_CreatedPool_RunsBootstrapOnProvidedAl2023WithinFiveSeconds()
    {
        Template.HasResourceProperties("AWS::Lambda::Function", Props(
            ("FunctionName", "TriggerMigration-Created"),
            ("Runtime", "provided.al2023"),
            ("Handler", "bootstrap"),
            ("Architectures", new[] { "x86_64" }),
            ("Timeout", 5),
            ("MemorySize", 256),
            ("Role", GetAtt(RoleId, "Arn")),
            ("LoggingConfig", Match.ObjectEquals(Props(
                ("LogFormat", "JSON"),
                ("LogGroup", Ref(app.LogicalId(_stack, _stack.Trigger.LogGroup))))))));
    }

    [Fact]
    public void Function_CreatedPoolWithCustomAttributesAndFunctionSettings_SetsExactlyTheConfigurationContract()
    {
        Template.HasResourceProperties("AWS::Lambda::Function", Props(
            ("Environment", Match.ObjectEquals(Props(("Variables", Props(
                (TriggerSettingNames.OldUserPoolId, "eu-west-1_OldPool01"),
                (TriggerSettingNames.OldClientId, "oldclient01"),
                (TriggerSettingNames.OldRegion, "eu-west-1"),
                (TriggerSettingNames.OldClientSecretArn, TestMigrations.SecretArn),
                // The pool's custom attributes and policy are not written (the function reads the pool);
                // the aliases are, as functionSettings.aliasAttributes overrides them explicitly.
                (TriggerSettingNames.AliasAttributes, "preferred_username,email"),
                (TriggerSettingNames.AttributeRenames, "custom:level=custom:tier,custom:org=custom:tenant"),
                (TriggerSettingNames.LegacySubAttribute, "custom:legacy_id"),
                (TriggerSettingNames.WeakPasswordAction, "refuse"),
                (TriggerSettingNames.PreSignUpFailOpen, "true"),
                GroupHandOverVariable(app, _stack))))))));
    }

    [Fact]
    public void UserPool_CreatedPool_HasTheConfiguredPasswordPolicyTheFunctionChecks()
    {
        Template.HasResourceProperties("AWS::Cognito::UserPool", Props(
            ("Policies", Match.ObjectEquals(Props(("PasswordPolicy", Props(
                ("MinimumLength", 12),
                ("RequireLowercase", true),
                ("RequireUppercase", true),
                ("RequireNumbers", true),
                ("RequireSymbols", false))))))));
    }

    [Fact]
    public void LogGroup_CreatedPool_KeepsLogsForAMonth()
    {
        Template.HasResourceProperties("AWS::Logs::LogGroup", Props(("RetentionInDays", 30)));
    }

    [Fact]
    public void Role_CreatedPool_HasNoManagedOrInlinePolicies()
    {
        Template.HasResourceProperties("AWS::IAM::Role", Props(
            ("RoleName", "TriggerMigration-Created-eu-west-1"),
            ("AssumeRolePolicyDocument", Match.ObjectEquals(PolicyDocument(Props(
                ("Action", "sts:AssumeRole"),
                ("Effect", "Allow"),
                ("Principal", Props(("Service", "lambda.amazonaws.com"))))))),
            ("ManagedPolicyArns", Match.Absent()),
            ("Policies", Match.Absent())));
        Template.ResourceCountIs("AWS::IAM::Policy", 3);
    }

    [Fact]
    public void RolePolicy_CreatedPool_AllowsExactlyOwnLogsOldPoolAndSecret()
    {
        Template.HasResourceProperties("AWS::IAM::Policy", Props(
            ("Roles", new object[] { Ref(RoleId) }),
            ("PolicyDocument", Match.ObjectEquals(PolicyDocument(
                Allow("WriteOwnLogs", LogActions, GetAtt(app.LogicalId(_stack, _stack.Trigger.LogGroup), "Arn")),
                Allow("ReadOldPool", OldPoolActions, "arn:aws:cognito-idp:eu-west-1:111111111111:userpool/eu-west-1_OldPool01"),
                Allow("ReadOldClientSecret", "secretsmanager:GetSecretValue", TestMigrations.SecretArn),
                UseGroupHandOver(app, _stack))))));
    }

    [Fact]
    public void NewPoolReadPolicy_CreatedPool_AllowsOnlyReadsOfTheCreatedPool()
    {
        Template.HasResourceProperties("AWS::IAM::Policy", Props(
            ("Roles", new object[] { Ref(RoleId) }),
            ("PolicyDocument", Match.ObjectEquals(PolicyDocument(
                Allow("ReadNewPoolForSignUpGuard", NewPoolReadActions, GetAtt(PoolId, "Arn")))))));
    }

    [Fact]
    public void InvokePermission_CreatedPool_AllowsOnlyCognitoForThisPoolAndAccount()
    {
        Template.ResourceCountIs("AWS::Lambda::Permission", 1);
        Template.HasResourceProperties("AWS::Lambda::Permission", Match.ObjectEquals(Props(
            ("Action", "lambda:InvokeFunction"),
            ("FunctionName", GetAtt(FunctionId, "Arn")),
            ("Principal", "cognito-idp.amazonaws.com"),
            ("SourceArn", GetAtt(PoolId, "Arn")),
            ("SourceAccount", TestMigrations.FunctionAccount))));
    }

    [Fact]
    public void UserPool_CreatedPool_AttachesUserMigrationPreSignUpPostAuthenticationAndPreTokenGenerationV1()
    {
        Template.HasResourceProperties("AWS::Cognito::UserPool", Props(
            ("LambdaConfig", Match.ObjectEquals(Props(
                ("UserMigration", GetAtt(FunctionId, "Arn")),
                ("PreSignUp", GetAtt(FunctionId, "Arn")),
                ("PostAuthentication", GetAtt(FunctionId, "Arn")),
                ("PreTokenGenerationConfig", Props(("LambdaArn", GetAtt(FunctionId, "Arn")), ("LambdaVersion", "V1_0"))))))));
    }

    [Fact]
    public void NewPoolGroupsPolicy_CreatedPool_AllowsOnlyAddingMembershipsInTheCreatedPool()
    {
        Template.HasResourceProperties("AWS::IAM::Policy", Props(
            ("Roles", new object[] { Ref(RoleId) }),
            ("PolicyDocument", Match.ObjectEquals(PolicyDocument(
                Allow("AddMigratedUsersToTheirGroups", NewPoolGroupActions, GetAtt(PoolId, "Arn")))))));
    }

    [Fact]
    public void Groups_CreatedPoolWithGroups_DeclaresEachInThePool()
    {
        Template.ResourceCountIs("AWS::Cognito::UserPoolGroup", 2);
        Template.HasResourceProperties("AWS::Cognito::UserPoolGroup", Match.ObjectEquals(Props(
            ("UserPoolId", Ref(PoolId)),
            ("GroupName", "admins"),
            ("Description", "Full access"),
            ("Precedence", 1),
            ("RoleArn", "arn:aws:iam::111111111111:role/admins"))));
        Template.HasResourceProperties("AWS::Cognito::UserPoolGroup", Match.ObjectEquals(Props(
            ("UserPoolId", Ref(PoolId)),
            ("GroupName", "editors"),
            ("Precedence", 5))));
    }

    [Fact]
    public void UserPool_CreatedPool_HasTheConfiguredAliasesAndAttributes()
    {
        Template.HasResourceProperties("AWS::Cognito::UserPool", Props(
            ("UserPoolName", "customers"),
            ("AliasAttributes", new[] { "email", "preferred_username" }),
            ("UsernameAttributes", Match.Absent()),
            ("UsernameConfiguration", Props(("CaseSensitive", false))),
            ("AdminCreateUserConfig", Props(("AllowAdminCreateUserOnly", false))),
            ("Schema", Match.ArrayEquals(
            [
                Props(("Name", "email"), ("Required", false), ("Mutable", true)),
                Props(("Name", "given_name"), ("Required", true), ("Mutable", false)),
                Props(("Name", "preferred_username"), ("Required", false), ("Mutable", true)),
                Props(("Name", "tier"), ("AttributeDataType", "Number"), ("Mutable", true)),
                Props(("Name", "legacy_id"), ("AttributeDataType", "String"), ("Mutable", false)),
                Props(("Name", "tenant"), ("AttributeDataType", "String"), ("Mutable", true)),
            ]))));
    }

    [Fact]
    public void UserPool_CreatedPool_IsRetainedAndDeletionProtected()
    {
        Template.HasResource("AWS::Cognito::UserPool", Props(
            ("DeletionPolicy", "Retain"),
            ("UpdateReplacePolicy", "Retain"),
            ("Properties", Props(("DeletionProtection", "ACTIVE")))));
    }

    [Fact]
    public void Client_CreatedPool_AllowsPasswordAndSrpAndHidesWhetherUsersExist()
    {
        Template.HasResourceProperties("AWS::Cognito::UserPoolClient", Props(
            ("UserPoolId", Ref(PoolId)),
            ("ClientName", "web"),
            ("ExplicitAuthFlows", Match.ArrayEquals(["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])),
            ("PreventUserExistenceErrors", "ENABLED"),
            ("GenerateSecret", false),
            ("AllowedOAuthFlowsUserPoolClient", false),
            ("AllowedOAuthFlows", Match.Absent())));
    }

    [Theory]
    [InlineData("Errors", "Errors", "Statistic", "Sum", 1, 1, 1)]
    [InlineData("Throttles", "Throttles", "Statistic", "Sum", 1, 1, 1)]
    [InlineData("DurationP99", "Duration", "ExtendedStatistic", "p99", 4000, 3, 2)]
    public void Alarm_CreatedPool_WatchesTheFunctionAndNotifiesTheTopic(
        string alarm, string metric, string statisticKey, string statistic, int threshold, int periods, int datapoints)
    {
        var suffix = alarm == "DurationP99" ? "duration-p99" : alarm.ToLowerInvariant();
        Template.HasResourceProperties("AWS::CloudWatch::Alarm", Props(
            ("AlarmName", $"TriggerMigration-Created-{suffix}"),
            ("Namespace", "AWS/Lambda"),
            ("MetricName", metric),
            ("Dimensions", new object[] { Props(("Name", "FunctionName"), ("Value", Ref(FunctionId))) }),
            (statisticKey, statistic),
            ("Period", 300),
            ("Threshold", threshold),
            ("EvaluationPeriods", periods),
            ("DatapointsToAlarm", periods == datapoints ? Match.Absent() : datapoints),
            ("ComparisonOperator", "GreaterThanOrEqualToThreshold"),
            ("TreatMissingData", "notBreaching"),
            ("AlarmActions", new[] { TestMigrations.TopicArn }),
            ("OKActions", new[] { TestMigrations.TopicArn })));
    }

    [Fact]
    public void Alarms_CreatedPool_AreExactlyErrorsThrottlesAndDuration()
    {
        Template.ResourceCountIs("AWS::CloudWatch::Alarm", 3);
    }

    [Fact]
    public void Template_CreatedPool_HasNoDependencyCycle()
    {
        // The pool names the function as its trigger; nothing the function waits for may name the pool.
        Assert.Empty(TemplateGraph.FindCycle(app.TemplateJson(_stack)));
    }

    [Fact]
    public void Outputs_CreatedPool_NameThePoolClientFunctionAndRole()
    {
        Template.HasOutput("NewUserPoolId", Props(("Value", Ref(PoolId))));
        Template.HasOutput("NewUserPoolClientId", Props(("Value", Match.AnyValue())));
        Template.HasOutput("FunctionArn", Props(("Value", GetAtt(FunctionId, "Arn"))));
        Template.HasOutput("FunctionRoleArn", Props(("Value", GetAtt(RoleId, "Arn"))));
        Assert.Empty(Template.FindOutputs("EnableCommand", Match.AnyValue()));
    }
}
