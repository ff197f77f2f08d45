using System.Net;
using Amazon.Runtime;
using Trigger.Aws;
using Trigger.Aws.SecurityToken;
using Trigger.Testing;

namespace Trigger.UnitTests.Aws;

/// <summary>The real AWSSDK.SecurityToken client, pointed by our endpoint rules at a loopback STS.</summary>
public sealed class SecurityTokenRoleAssumerTests
{
    private const string AssumeRoleAnswer = """
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <AssumedRoleUser>
              <Arn>arn:aws:sts::123456789012:assumed-role/old-pool-reader/cognito-user-migration</Arn>
              <AssumedRoleId>AROA123EXAMPLE:cognito-user-migration</AssumedRoleId>
            </AssumedRoleUser>
            <Credentials>
              <AccessKeyId>ASIAOLDPOOL</AccessKeyId>
              <SecretAccessKey>old-pool-secret</SecretAccessKey>
              <SessionToken>old-pool-session-token</SessionToken>
              <Expiration>2030-01-02T03:04:05Z</Expiration>
            </Credentials>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """;

    [Fact]
    public async Task AssumeRoleAsync_EndpointFromStsVariable_SendsSignedAssumeRoleAndReadsSession()
    {
        await using var server = LoopbackAwsServer.Start(_ => new CannedResponse(200, AssumeRoleAnswer, new Dictionary<string, string> { ["Content-Type"] = "text/xml" }));
        using var http = new HttpClient();

        // The HttpClient is shared with other clients and already in use: the SDK must not reconfigure it.
        using (await http.GetAsync(server.Endpoint))
        {
        }
        var assumer = new SecurityTokenRoleAssumer(new AwsClientOptions
        {
            Region = "eu-west-1",
            Credentials = new BasicAWSCredentials("AKIDSOURCE", "source-secret"),
            HttpClient = http,
            EnvironmentVariables = new DictionaryEnvironment(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_STS"] = server.Endpoint.ToString() }),
        });

        var session = await assumer.AssumeRoleAsync(
            new AssumeRoleOptions { RoleArn = "arn:aws:iam::123456789012:role/old-pool-reader", ExternalId = "ext-123" },
            CancellationToken.None);

        Assert.Equal("ASIAOLDPOOL", session.Credentials.AccessKey);
        Assert.Equal("old-pool-session-token", session.Credentials.Token);
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), session.Expiration);

        var request = Assert.Single(server.Requests, r => r.Method == "POST");
        var form = request.BodyText.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => WebUtility.UrlDecode(p[1]));
        Assert.Equal("AssumeRole", form["Action"]);
        Assert.Equal("arn:aws:iam::123456789012:role/old-pool-reader", form["RoleArn"]);
        Assert.Equal("ext-123", form["ExternalId"]);
        Assert.Equal("cognito-user-migration", form["RoleSessionName"]);
        Assert.Equal("3600", form["DurationSeconds"]);
        var (valid, reason) = SigV4Verifier.Verify(request, "AKIDSOURCE", "source-secret", "eu-west-1", "sts", sessionToken: null);
        Assert.True(valid, reason);
    }

    [Fact]
    public void Constructor_NoOverride_UsesRegionalStsEndpoint()
    {
        var assumer = new SecurityTokenRoleAssumer(new AwsClientOptions
        {
            Region = "cn-northwest-1",
            EnvironmentVariables = new DictionaryEnvironment(),
        });

        Assert.Equal(new Uri("https://sts.cn-northwest-1.amazonaws.com.cn/"), assumer.Endpoint);
    }

    [Fact]
    public async Task AssumeRoleAsync_DefaultChainFindsNothing_ThrowsConfigurationErrorBeforeSending()
    {
        await using var server = LoopbackAwsServer.Start(_ => new CannedResponse(200, AssumeRoleAnswer));
        var assumer = new SecurityTokenRoleAssumer(
            new AwsClientOptions
            {
                Region = "eu-west-1",
                EndpointOverride = server.Endpoint,
                EnvironmentVariables = new DictionaryEnvironment(),
            },
            _ => Task.FromException<AWSCredentials>(new AmazonClientException("Failed to resolve AWS credentials.")));

        await Assert.ThrowsAsync<AwsConfigurationException>(
            () => assumer.AssumeRoleAsync(new AssumeRoleOptions { RoleArn = "arn:aws:iam::123456789012:role/r" }, CancellationToken.None));

        Assert.Empty(server.Requests);
    }
}
