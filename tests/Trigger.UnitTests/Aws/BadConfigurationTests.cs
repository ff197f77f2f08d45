using Amazon.Runtime;
using Polly;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Aws.SecretsManager;
using Trigger.Testing;

namespace Trigger.UnitTests.Aws;

/// <summary>A client configured so that no request could succeed says so before anything is sent.</summary>
public sealed class BadConfigurationTests
{
    [Fact]
    public void Constructor_NoRegionAnywhere_ThrowsNamingRegionAndVariable()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => new CognitoIdentityProviderClient(new AwsClientOptions
        {
            EnvironmentVariables = new DictionaryEnvironment(),
            Credentials = AwsTestClients.Credentials,
        }));

        Assert.Contains("Region", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RegionThatIsNotARegion_ThrowsNamingItsSource()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => new SecretsManagerClient(new AwsClientOptions
        {
            EnvironmentVariables = new DictionaryEnvironment(new Dictionary<string, string> { ["AWS_REGION"] = "Ireland" }),
        }));

        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
        Assert.Contains("Ireland", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("relative/path")]
    [InlineData("ftp://files.example.com/")]
    [InlineData("file:///etc/passwd")]
    public void Constructor_EndpointOverrideNotAnHttpUrl_ThrowsNamingTheOption(string endpoint)
    {
        var error = Assert.Throws<AwsConfigurationException>(() => new CognitoIdentityProviderClient(new AwsClientOptions
        {
            Region = "eu-west-1",
            EndpointOverride = new Uri(endpoint, UriKind.RelativeOrAbsolute),
            EnvironmentVariables = new DictionaryEnvironment(),
        }));

        Assert.Contains("EndpointOverride", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminGetUserAsync_CredentialsWithoutKeys_ThrowsBeforeSending()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.Json("{}"));
        using var http = new HttpClient();
        var cognito = new CognitoIdentityProviderClient(AwsTestClients.Options(server, http, credentials: new EmptyCredentials()));

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(
            () => cognito.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = "p", Username = "u" }));

        Assert.Contains("access key", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AdminGetUserAsync_DefaultChainFindsNothing_ThrowsNamingTheVariablesBeforeSending()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.Json("{}"));
        using var http = new HttpClient();
        var options = new AwsClientOptions
        {
            Region = "eu-west-1",
            EndpointOverride = server.Endpoint,
            HttpClient = http,
            ResiliencePipeline = AwsResilience.CreatePipeline(),
            EnvironmentVariables = new DictionaryEnvironment(),
        };
        var cognito = new CognitoIdentityProviderClient(
            options,
            _ => Task.FromException<AWSCredentials>(new AmazonClientException("Failed to resolve AWS credentials.")));

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(
            () => cognito.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = "p", Username = "u" }));

        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message, StringComparison.Ordinal);
        Assert.IsType<AmazonClientException>(error.InnerException);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Constructor_Valid_ReportsRegionAndEndpoint()
    {
        var cognito = new CognitoIdentityProviderClient(new AwsClientOptions
        {
            EnvironmentVariables = new DictionaryEnvironment(new Dictionary<string, string> { ["AWS_DEFAULT_REGION"] = "cn-north-1" }),
            ResiliencePipeline = ResiliencePipeline.Empty,
        });

        Assert.Equal("cn-north-1", cognito.Region);
        Assert.Equal(new Uri("https://cognito-idp.cn-north-1.amazonaws.com.cn/"), cognito.Endpoint);
    }

    private sealed class EmptyCredentials : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => null!;

        public override Task<ImmutableCredentials> GetCredentialsAsync() => Task.FromResult<ImmutableCredentials>(null!);
    }
}
