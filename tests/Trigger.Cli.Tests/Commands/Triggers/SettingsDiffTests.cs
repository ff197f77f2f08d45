using System.Text.Json.Nodes;
using Trigger.Cli.Commands.Triggers;

namespace Trigger.Cli.Tests.Commands.Triggers;

public sealed class SettingsDiffTests
{
    [Fact]
    public void Compare_NestedValueChanged_ReportsItsDottedPath()
    {
        var before = JsonNode.Parse("""{"LambdaConfig":{"PreSignUp":"a"},"MfaConfiguration":"OFF"}""")!.AsObject();
        var after = JsonNode.Parse("""{"MfaConfiguration":"OFF","LambdaConfig":{"PreSignUp":"a","UserMigration":"b"}}""")!.AsObject();

        var change = Assert.Single(SettingsDiff.Compare(before, after));

        Assert.Equal("LambdaConfig.UserMigration", change.Setting);
        Assert.Null(change.Before);
        Assert.Equal("b", change.After!.GetValue<string>());
    }

    [Fact]
    public void Compare_MissingObjectAndEmptyObjectAndNull_AreTheSame()
    {
        var before = JsonNode.Parse("""{"Policies":{"PasswordPolicy":{"MinimumLength":8}},"SmsConfiguration":null}""")!.AsObject();
        var after = JsonNode.Parse("""{"LambdaConfig":{},"Policies":{"PasswordPolicy":{"MinimumLength":8}}}""")!.AsObject();

        Assert.Empty(SettingsDiff.Compare(before, after));
    }

    [Fact]
    public void Compare_ArrayInAnotherOrder_IsAChangeOfTheWholeArray()
    {
        var before = JsonNode.Parse("""{"AutoVerifiedAttributes":["email","phone_number"]}""")!.AsObject();
        var after = JsonNode.Parse("""{"AutoVerifiedAttributes":["phone_number","email"]}""")!.AsObject();

        var change = Assert.Single(SettingsDiff.Compare(before, after));

        Assert.Equal("AutoVerifiedAttributes", change.Setting);
    }
}
