using Trigger.Aws;
using Trigger.Aws.Protocol;
using Trigger.Aws.SecurityToken;
using Trigger.Contract;
using Trigger.Function.Configuration;
using Trigger.Testing;

namespace Trigger.UnitTests.Contract;

/// <summary>
/// One table of identifiers (<see cref="AwsIdentifierTable"/>) for every reader: the shared rules, the function's
/// settings reader, the STS adapter and the endpoint resolver that apply them (the ops tool's InputRules and the
/// CDK app's configuration reader call the same <see cref="AwsIdentifierRules"/>).
/// </summary>
public sealed class AwsIdentifierRulesTests
{
    [Theory]
    [MemberData(nameof(AwsIdentifierTable.ClientIds), MemberType = typeof(AwsIdentifierTable))]
    public void IsClientId_TableValue_MatchesTheApiPattern(string value, bool valid)
    {
        Assert.Equal(valid, AwsIdentifierRules.IsClientId(value));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.UserPoolIds), MemberType = typeof(AwsIdentifierTable))]
    public void IsUserPoolId_TableValue_MatchesTheApiPattern(string value, bool valid)
    {
        Assert.Equal(valid, AwsIdentifierRules.IsUserPoolId(value));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.Regions), MemberType = typeof(AwsIdentifierTable))]
    public void IsRegion_TableValue_MatchesTheRegionRule(string value, bool valid)
    {
        Assert.Equal(valid, AwsIdentifierRules.IsRegion(value));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.RoleArns), MemberType = typeof(AwsIdentifierTable))]
    public void IsRoleArn_TableValue_MatchesTheIamPattern(string value, bool valid)
    {
        Assert.Equal(valid, AwsIdentifierRules.IsRoleArn(value));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.SecretArns), MemberType = typeof(AwsIdentifierTable))]
    public void IsSecretArn_TableValue_MatchesTheCompleteArnRule(string value, bool valid)
    {
        Assert.Equal(valid, AwsIdentifierRules.IsSecretArn(value));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.ExternalIds), MemberType = typeof(AwsIdentifierTable))]
    public void IsExternalId_TableValue_MatchesTheStsPattern(string value, bool valid)
    {
        Assert.Equal(valid, AwsIdentifierRules.IsExternalId(value));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.FunctionArns), MemberType = typeof(AwsIdentifierTable))]
    public void IsFunctionArn_TableValue_MatchesTheLambdaPattern(string value, bool valid)
    {
        Assert.Equal(valid, AwsIdentifierRules.IsFunctionArn(value));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.Endpoints), MemberType = typeof(AwsIdentifierTable))]
    public void TryParseEndpoint_TableValue_AcceptsAbsoluteHttpUrlsOnly(string value, bool valid)
    {
        Assert.Equal(valid, AwsIdentifierRules.TryParseEndpoint(value, out _));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.UserPoolIds), MemberType = typeof(AwsIdentifierTable))]
    public void RegionalUserPoolIdPattern_TableValue_IsAPoolIdWhosePrefixIsARegion(string value, bool valid)
    {
        var expected = valid && AwsIdentifierRules.RegionOfUserPoolId(value) is not null;

        Assert.Equal(expected, AwsIdentifierRules.RegionalUserPoolIdPattern().IsMatch(value));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.ClientIds), MemberType = typeof(AwsIdentifierTable))]
    public void Load_TableClientId_AcceptedExactlyWhenTheRuleAcceptsIt(string value, bool valid)
    {
        // An empty value counts as unset, which is its own error.
        Assert.Equal(valid, LoadsWith((TriggerSettingNames.OldClientId, value)));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.UserPoolIds), MemberType = typeof(AwsIdentifierTable))]
    public void Load_TableUserPoolId_AcceptedExactlyWhenTheRuleAcceptsIt(string value, bool valid)
    {
        // With the region given, the pool id's prefix need not be one.
        Assert.Equal(valid, LoadsWith((TriggerSettingNames.OldUserPoolId, value), (TriggerSettingNames.OldRegion, "eu-west-1")));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.Regions), MemberType = typeof(AwsIdentifierTable))]
    public void Load_TableRegion_AcceptedExactlyWhenTheRuleAcceptsIt(string value, bool valid)
    {
        Assert.Equal(valid, LoadsWith((TriggerSettingNames.OldRegion, value)));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.RoleArns), MemberType = typeof(AwsIdentifierTable))]
    public void Load_TableRoleArn_AcceptedExactlyWhenTheRuleAcceptsIt(string value, bool valid)
    {
        Assert.Equal(valid, LoadsWith((TriggerSettingNames.OldRoleArn, value)));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.SecretArns), MemberType = typeof(AwsIdentifierTable))]
    public void Load_TableSecretArn_AcceptedExactlyWhenTheRuleAcceptsItForBothSecrets(string value, bool valid)
    {
        Assert.Equal(valid, LoadsWith((TriggerSettingNames.OldClientSecretArn, value)));
        Assert.Equal(valid, LoadsWith((TriggerSettingNames.SweepKeySecretArn, value)));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.ExternalIds), MemberType = typeof(AwsIdentifierTable))]
    public void Load_TableExternalId_AcceptedExactlyWhenTheRuleAcceptsIt(string value, bool valid)
    {
        Assert.Equal(valid, LoadsWith(
            (TriggerSettingNames.OldRoleArn, "arn:aws:iam::123456789012:role/old-pool-reader"), (TriggerSettingNames.OldExternalId, value)));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.Endpoints), MemberType = typeof(AwsIdentifierTable))]
    public void Load_TableEndpoint_AcceptedExactlyWhenTheRuleAcceptsIt(string value, bool valid)
    {
        Assert.Equal(valid, LoadsWith((TriggerSettingNames.OldEndpointUrl, value)));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.RoleArns), MemberType = typeof(AwsIdentifierTable))]
    public void AssumeRoleCredentials_TableRoleArn_AcceptedExactlyWhenTheRuleAcceptsIt(string value, bool valid)
    {
        Assert.Equal(valid, AssumesWith(new AssumeRoleOptions { RoleArn = value }));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.ExternalIds), MemberType = typeof(AwsIdentifierTable))]
    public void AssumeRoleCredentials_TableExternalId_AcceptedExactlyWhenTheRuleAcceptsIt(string value, bool valid)
    {
        Assert.Equal(valid, AssumesWith(new AssumeRoleOptions { RoleArn = "arn:aws:iam::123456789012:role/r", ExternalId = value }));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.Regions), MemberType = typeof(AwsIdentifierTable))]
    public void ResolveRegion_TableRegion_AcceptedExactlyWhenTheRuleAcceptsIt(string value, bool valid)
    {
        Assert.Equal(valid, Accepted(() => AwsEndpoints.ResolveRegion(value, DictionaryEnvironment.Empty, AwsServiceDescription.CognitoIdentityProvider)));
    }

    [Theory]
    [MemberData(nameof(AwsIdentifierTable.Endpoints), MemberType = typeof(AwsIdentifierTable))]
    public void ResolveEndpoint_TableEndpointVariable_AcceptedExactlyWhenTheRuleAcceptsIt(string value, bool valid)
    {
        var environment = new DictionaryEnvironment(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = value });

        Assert.Equal(valid, Accepted(() => AwsEndpoints.ResolveEndpoint(AwsServiceDescription.CognitoIdentityProvider, "eu-west-1", null, environment)));
    }

    private static bool LoadsWith(params (string Name, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            [TriggerSettingNames.OldUserPoolId] = "eu-west-1_AbC123",
            [TriggerSettingNames.OldClientId] = "oldclient1",
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        return Accepted(() => TriggerSettings.Load(environment.GetValueOrDefault));
    }

    private static bool AssumesWith(AssumeRoleOptions role) =>
        Accepted(() => new AssumeRoleCredentials(role, new AwsClientOptions { Region = "eu-west-1", EnvironmentVariables = DictionaryEnvironment.Empty }));

    private static bool Accepted(Func<object> read)
    {
        var error = Record.Exception(read);
        Assert.True(error is null or SettingsException or AwsConfigurationException, $"an unexpected {error?.GetType().Name}: {error?.Message}");
        return error is null;
    }
}
