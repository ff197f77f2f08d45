using System.Text.Json;
using Trigger.Aws;
using Trigger.Aws.Cognito;

namespace Trigger.UnitTests.Aws;

/// <summary>DescribeUserPoolClient and ListUserPoolClients: wire shapes, paging, the secret kept out of text.</summary>
public sealed class UserPoolClientOperationsTests
{
    private const string Secret = "s3cr3t-client-secret-value-0123456789";

    [Fact]
    public async Task DescribeUserPoolClientAsync_Request_HasExactShapeAndTheAnswerIsRead()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.Json("""
            {"UserPoolClient":{"UserPoolId":"eu-west-1_New","ClientName":"web","ClientId":"client-1","ClientSecret":"SECRET",
             "CreationDate":1700000000,"LastModifiedDate":1700000001.5,
             "ExplicitAuthFlows":["ALLOW_USER_PASSWORD_AUTH","ALLOW_REFRESH_TOKEN_AUTH"],"PreventUserExistenceErrors":"ENABLED",
             "EnableTokenRevocation":true,"CallbackURLs":["https://example.com"]}}
            """.Replace("SECRET", Secret, StringComparison.Ordinal)));
        using var http = new HttpClient();

        var client = (await AwsTestClients.Cognito(server, http).DescribeUserPoolClientAsync(
            new DescribeUserPoolClientRequest { UserPoolId = "eu-west-1_New", ClientId = "client-1" })).UserPoolClient!;

        var request = Assert.Single(server.Requests);
        Assert.Equal("AWSCognitoIdentityProviderService.DescribeUserPoolClient", request.Header("X-Amz-Target"));
        Assert.Equal("""{"UserPoolId":"eu-west-1_New","ClientId":"client-1"}""", request.BodyText);
        Assert.Equal("web", client.ClientName);
        Assert.True(client.HasClientSecret);
        Assert.Equal(["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], client.ExplicitAuthFlows);
        Assert.Equal("ENABLED", client.PreventUserExistenceErrors);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_001_500), client.LastModifiedDate);
    }

    [Fact]
    public void UserPoolClientType_ToString_NamesTheClientButNeverItsSecret()
    {
        var client = new UserPoolClientType { ClientId = "client-1", ClientName = "web", ClientSecret = Secret };

        var text = client.ToString();

        Assert.Contains("client-1", text, StringComparison.Ordinal);
        Assert.Contains("HasClientSecret = True", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeUserPoolClientAsync_UnknownClient_ThrowsResourceNotFound()
    {
        await using var server = LoopbackAwsServer.Start(_ =>
            CannedResponse.AwsError(400, "ResourceNotFoundException", "User pool client client-9 does not exist."));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => AwsTestClients.Cognito(server, http)
            .DescribeUserPoolClientAsync(new DescribeUserPoolClientRequest { UserPoolId = "eu-west-1_New", ClientId = "client-9" }));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
    }

    [Fact]
    public async Task ListAllUserPoolClientsAsync_Pages_FollowsNextTokenToTheEnd()
    {
        await using var server = LoopbackAwsServer.Script(
            CannedResponse.Json("""{"UserPoolClients":[{"ClientId":"a","UserPoolId":"p","ClientName":"one"}],"NextToken":"t1"}"""),
            CannedResponse.Json("""{"UserPoolClients":[],"NextToken":"t2"}"""),
            CannedResponse.Json("""{"UserPoolClients":[{"ClientId":"b","UserPoolId":"p","ClientName":"two","ClientSecret":"ignored"}]}"""));
        using var http = new HttpClient();
        var cognito = AwsTestClients.Cognito(server, http);

        var ids = new List<string?>();
        await foreach (var client in cognito.ListAllUserPoolClientsAsync(new ListUserPoolClientsRequest { UserPoolId = "p", MaxResults = 60 }))
        {
            ids.Add(client.ClientId);
        }

        Assert.Equal(["a", "b"], ids);
        Assert.Equal("""{"UserPoolId":"p","MaxResults":60}""", server.Requests[0].BodyText);
        var sentTokens = server.Requests
            .Select(r => JsonDocument.Parse(r.Body).RootElement)
            .Select(body => body.TryGetProperty("NextToken", out var token) ? token.GetString() : null);
        Assert.Equal([null, "t1", "t2"], sentTokens);
    }

    [Fact]
    public async Task ListAllUserPoolClientsAsync_ServiceRepeatsTheToken_ThrowsInsteadOfLooping()
    {
        await using var server = LoopbackAwsServer.Script(
            CannedResponse.Json("""{"UserPoolClients":[],"NextToken":"same"}"""));
        using var http = new HttpClient();
        var cognito = AwsTestClients.Cognito(server, http);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in cognito.ListAllUserPoolClientsAsync(new ListUserPoolClientsRequest { UserPoolId = "p", NextToken = "same" }))
            {
            }
        });

        Assert.Contains("NextToken", error.Message, StringComparison.Ordinal);
    }
}
