using Trigger.Aws;
using Trigger.Aws.Protocol;
using Trigger.Testing;

namespace Trigger.UnitTests.Aws;

public sealed class AwsEndpointsTests
{
    private static readonly AwsServiceDescription _cognito = AwsServiceDescription.CognitoIdentityProvider;

    [Fact]
    public void ResolveEndpoint_ExplicitOverride_WinsOverEveryVariable()
    {
        var environment = Environment(("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "http://specific:1"), ("AWS_ENDPOINT_URL", "http://global:2"));

        var endpoint = AwsEndpoints.ResolveEndpoint(_cognito, "eu-west-1", new Uri("http://explicit:3/base/"), environment);

        Assert.Equal(new Uri("http://explicit:3/base/"), endpoint);
    }

    [Fact]
    public void ResolveEndpoint_ServiceVariable_WinsOverGlobalVariable()
    {
        var environment = Environment(("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "http://127.0.0.1:9229"), ("AWS_ENDPOINT_URL", "http://global:2"));

        Assert.Equal(new Uri("http://127.0.0.1:9229/"), AwsEndpoints.ResolveEndpoint(_cognito, "eu-west-1", null, environment));
    }

    [Fact]
    public void ResolveEndpoint_OnlyGlobalVariable_IsUsed()
    {
        var environment = Environment(("AWS_ENDPOINT_URL", "https://localstack:4566"), ("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://other:1"));

        Assert.Equal(new Uri("https://localstack:4566/"), AwsEndpoints.ResolveEndpoint(_cognito, "eu-west-1", null, environment));
    }

    [Fact]
    public void ResolveEndpoint_IgnoreConfiguredEndpoints_UsesRegionalButKeepsExplicit()
    {
        var environment = Environment(("AWS_ENDPOINT_URL", "https://localstack:4566"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));

        Assert.Equal(new Uri("https://cognito-idp.eu-west-1.amazonaws.com/"), AwsEndpoints.ResolveEndpoint(_cognito, "eu-west-1", null, environment));
        Assert.Equal(new Uri("http://explicit:3/"), AwsEndpoints.ResolveEndpoint(_cognito, "eu-west-1", new Uri("http://explicit:3/"), environment));
    }

    [Theory]
    [InlineData("eu-west-1", "https://cognito-idp.eu-west-1.amazonaws.com/")]
    [InlineData("us-gov-west-1", "https://cognito-idp.us-gov-west-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://cognito-idp.cn-north-1.amazonaws.com.cn/")]
    [InlineData("cn-northwest-1", "https://cognito-idp.cn-northwest-1.amazonaws.com.cn/")]
    public void ResolveEndpoint_NoOverride_IsRegionalInItsPartition(string region, string expected)
    {
        Assert.Equal(new Uri(expected), AwsEndpoints.ResolveEndpoint(_cognito, region, null, Environment()));
    }

    [Fact]
    public void ResolveEndpoint_OtherServices_UseTheirPrefixesAndVariables()
    {
        var environment = Environment(("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:7000"));

        Assert.Equal(new Uri("https://secretsmanager.cn-north-1.amazonaws.com.cn/"), AwsEndpoints.ResolveEndpoint(AwsServiceDescription.SecretsManager, "cn-north-1", null, environment));
        Assert.Equal(new Uri("http://127.0.0.1:7000/"), AwsEndpoints.ResolveEndpoint(AwsServiceDescription.SecurityToken, "eu-west-1", null, environment));
        Assert.Equal(new Uri("https://sts.ap-southeast-2.amazonaws.com/"), AwsEndpoints.ResolveEndpoint(AwsServiceDescription.SecurityToken, "ap-southeast-2", null, Environment()));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("ftp://files.example.com/")]
    [InlineData("http://user:pass@host/")]
    [InlineData("http://host/?query=1")]
    public void ResolveEndpoint_VariableNotAnHttpUrl_ThrowsNamingTheVariable(string value)
    {
        var environment = Environment(("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", value));

        var error = Assert.Throws<AwsConfigurationException>(() => AwsEndpoints.ResolveEndpoint(_cognito, "eu-west-1", null, environment));

        Assert.Contains("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pass", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveRegion_Explicit_WinsOverVariables()
    {
        var environment = Environment(("AWS_REGION", "us-east-1"), ("AWS_DEFAULT_REGION", "us-west-2"));

        Assert.Equal("eu-central-1", AwsEndpoints.ResolveRegion("eu-central-1", environment, _cognito));
        Assert.Equal("us-east-1", AwsEndpoints.ResolveRegion(null, environment, _cognito));
        Assert.Equal("us-west-2", AwsEndpoints.ResolveRegion(null, Environment(("AWS_DEFAULT_REGION", "us-west-2")), _cognito));
    }

    private static DictionaryEnvironment Environment(params (string Name, string Value)[] variables) =>
        new(variables.ToDictionary(v => v.Name, v => v.Value));
}
