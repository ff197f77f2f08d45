using Trigger.Aws;
using Trigger.Aws.SecretsManager;
using Trigger.Testing;

namespace Trigger.UnitTests.Aws;

public sealed class SecretsManagerClientTests
{
    private const string SecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:old-client-AbCdEf";

    [Fact]
    public async Task GetSecretValueAsync_Request_IsJson11WithSecretsManagerTarget()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.Json(
            $$"""{"ARN":"{{SecretArn}}","Name":"old-client","VersionId":"v1","SecretString":"client-secret-value","VersionStages":["AWSCURRENT"],"CreatedDate":1700000000.25,"Unknown":1}"""));
        using var http = new HttpClient();

        var secret = await AwsTestClients.SecretsManager(server, http).GetSecretValueAsync(new GetSecretValueRequest { SecretId = SecretArn, VersionStage = "AWSCURRENT" });

        var request = Assert.Single(server.Requests);
        Assert.Equal("secretsmanager.GetSecretValue", request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.Equal($$"""{"SecretId":"{{SecretArn}}","VersionStage":"AWSCURRENT"}""", request.BodyText);
        var (valid, reason) = SigV4Verifier.Verify(request, AwsTestClients.AccessKey, AwsTestClients.SecretKey, AwsTestClients.Region, "secretsmanager", AwsTestClients.SessionToken);
        Assert.True(valid, reason);
        Assert.Equal("client-secret-value", secret.SecretString);
        Assert.Equal("old-client", secret.Name);
        Assert.Equal("v1", secret.VersionId);
        Assert.Equal(SecretArn, secret.ARN);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250), secret.CreatedDate);
        Assert.DoesNotContain("client-secret-value", secret.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretValueAsync_MissingSecret_ThrowsResourceNotFound()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.AwsError(400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.", "sm-req-1"));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(
            () => AwsTestClients.SecretsManager(server, http).GetSecretValueAsync(new GetSecretValueRequest { SecretId = "nope" }));

        Assert.Equal("sm-req-1", error.RequestId);
        Assert.Contains("Secrets Manager GetSecretValue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EndpointVariable_IsTheSecretsManagerOne()
    {
        var client = new SecretsManagerClient(new AwsClientOptions
        {
            Region = "eu-west-1",
            EnvironmentVariables = new DictionaryEnvironment(new Dictionary<string, string>
            {
                ["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = "http://127.0.0.1:4566",
                ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = "http://127.0.0.1:9229",
            }),
        });

        Assert.Equal(new Uri("http://127.0.0.1:4566/"), client.Endpoint);
    }
}
