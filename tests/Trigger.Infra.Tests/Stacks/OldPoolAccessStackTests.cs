using Amazon.CDK.Assertions;
using Trigger.Infra.Stacks;
using Trigger.Testing;
using static Trigger.Infra.Tests.TemplateValues;

namespace Trigger.Infra.Tests;

/// <summary>The small stack in the old pool's account, shared by a migration and its DR copy.</summary>
[Slow]
[Collection(SynthesizedAppCollection.Name)]
public sealed class OldPoolAccessStackTests(SynthesizedApp app)
{
    private readonly OldPoolAccessStack _stack = app.OldPoolAccess;

    private Template Template => app.Template(_stack);

    [Fact]
    public void Stack_OldPoolAccess_DeploysToTheOldAccountAfterTheFunctionRoles()
    {
        Assert.Equal("TriggerOldPoolAccess-222222222222-old-pool-reader", _stack.StackName);
        Assert.Equal(TestMigrations.OldAccount, _stack.Account);
        Assert.Equal(
            ["TriggerMigration-Existing", "TriggerMigration-ExistingDr"],
            _stack.Dependencies.Select(s => s.StackName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Role_OldPoolAccess_TrustsOnlyTheFunctionRolesWithTheExternalId()
    {
        Template.ResourceCountIs("AWS::IAM::Role", 1);
        Template.HasResourceProperties("AWS::IAM::Role", Props(
            ("RoleName", "old-pool-reader"),
            ("Path", "/migration/"),
            ("AssumeRolePolicyDocument", Match.ObjectEquals(PolicyDocument(
                TrustWithExternalId("arn:aws:iam::111111111111:role/TriggerMigration-Existing-us-east-1"),
                TrustWithExternalId("arn:aws:iam::111111111111:role/TriggerMigration-ExistingDr-us-west-2")))),
            ("ManagedPolicyArns", Match.Absent())));
    }

    [Fact]
    public void Role_OldPoolAccess_TrustsTheRolesTheMigrationStacksCreate()
    {
        foreach (var name in new[] { "Existing", "ExistingDr" })
        {
            var migration = app.Migration(name);
            app.Template(migration).HasResourceProperties("AWS::IAM::Role", Props(("RoleName", migration.Migration.FunctionRoleName)));
            Assert.Equal($"arn:aws:iam::111111111111:role/{migration.Migration.FunctionRoleName}", migration.Migration.FunctionRoleArn);
        }
    }

    [Fact]
    public void Role_OldPoolAccess_AllowsOnlyTheTriggerReadsOnTheOldPool()
    {
        Template.ResourceCountIs("AWS::IAM::Policy", 0);
        Template.HasResourceProperties("AWS::IAM::Role", Props(
            ("Policies", Match.ArrayEquals(
            [
                Props(
                    ("PolicyName", "ReadOldPool"),
                    ("PolicyDocument", PolicyDocument(
                        Allow("ReadOldPool", OldPoolActions, "arn:aws:cognito-idp:us-east-1:222222222222:userpool/us-east-1_OldPool02")))),
            ]))));
    }

    private static Dictionary<string, object> TrustWithExternalId(string roleArn) => Props(
        ("Action", "sts:AssumeRole"),
        ("Effect", "Allow"),
        ("Condition", Props(("StringEquals", Props(("sts:ExternalId", TestMigrations.ExternalId))))),
        ("Principal", Props(("AWS", roleArn))));
}
