using Trigger.Contract;
using Trigger.Function.Configuration;

namespace Trigger.UnitTests.Function;

/// <summary>
/// One table of identifiers for every reader: the shared rules, and the function's settings reader that
/// applies them (the ops tool and the CDK app call the same <see cref="AwsIdentifierRules"/>).
/// </summary>
public sealed class AwsIdentifierRulesTests
{
    public static TheoryData<string, bool> ClientIds() => new()
    {
        { "3example4client5id6abcdefgh", true },
        { "a", true },
        { "client_id+1", true },
        { new string('a', 128), true },
        { new string('a', 129), false },
        { string.Empty, false },
        { "client-id", false },
        { "client=id", false },
        { "client.id@x", false },
        { "client id", false },
    };

    public static TheoryData<string, bool> UserPoolIds() => new()
    {
        { "eu-west-1_AbC123", true },
        { "us-gov-west-1_Abc", true },
        { "local_5kXUPxOq", true },
        { "eu-west-1_" + new string('a', 45), true },
        { "eu-west-1_" + new string('a', 46), false },
        { "eu-west-1", false },
        { "_AbC123", false },
        { "eu-west-1_AbC-123", false },
        { "eu west-1_AbC", false },
    };

    [Theory]
    [MemberData(nameof(ClientIds))]
    public void IsClientId_TableValue_MatchesTheApiPattern(string value, bool valid)
    {
        Assert.Equal(valid, AwsIdentifierRules.IsClientId(value));
    }

    [Theory]
    [MemberData(nameof(UserPoolIds))]
    public void IsUserPoolId_TableValue_MatchesTheApiPattern(string value, bool valid)
    {
        Assert.Equal(valid, AwsIdentifierRules.IsUserPoolId(value));
    }

    [Theory]
    [MemberData(nameof(ClientIds))]
    public void Load_TableClientId_AcceptedExactlyWhenTheRuleAcceptsIt(string value, bool valid)
    {
        var environment = new Dictionary<string, string>
        {
            [TriggerSettingNames.OldUserPoolId] = "eu-west-1_AbC123",
            [TriggerSettingNames.OldClientId] = value,
        };

        var error = Record.Exception(() => TriggerSettings.Load(environment.GetValueOrDefault));

        // An empty value counts as unset, which is its own error.
        Assert.Equal(valid, error is null);
    }
}
