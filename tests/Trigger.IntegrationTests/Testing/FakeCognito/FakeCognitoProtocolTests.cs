using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Testing.FakeCognito;

public sealed class FakeCognitoProtocolTests
{
    private static async Task<HttpResponseMessage> PostAsync(Uri endpoint, string target, string body)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", target);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task ErrorAnswer_UnknownUser_Is400WithTypeMessageAndRequestId()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();

        using var response = await PostAsync(setup.Fake.Endpoint, "AWSCognitoIdentityProviderService.AdminGetUser", $"{{\"UserPoolId\":\"{setup.PoolId}\",\"Username\":\"nobody\"}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("x-amzn-RequestId").Single()));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("UserNotFoundException", "User does not exist."), (body["__type"]!.GetValue<string>(), body["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Post_UnknownOperation_AnswersUnknownOperationException()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();

        var error = await Assert.ThrowsAsync<CognitoApiException>(() => setup.Admin.SendAsync("AdminLinkProviderForUser", []));

        Assert.Equal("UnknownOperationException", error.ErrorType);
    }

    [Fact]
    public async Task CallLog_SignInWithSecretHash_RecordsNeitherPasswordNorSecretHash()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = await setup.CreateClientAsync(withSecret: true);
        await setup.CreateUserAsync("ada");

        await setup.Admin.AdminInitiateAuthAsync(setup.PoolId, client, "ada", FakeCognitoSetup.Password);

        var secretHash = SecretHash.Compute("ada", client.ClientId, client.ClientSecret!);
        var log = string.Join('\n', setup.Fake.Calls.Select(c => c.RequestSummary));
        Assert.Contains("AdminInitiateAuth", setup.Fake.Calls.Select(c => c.Operation));
        Assert.DoesNotContain(FakeCognitoSetup.Password, log, StringComparison.Ordinal);
        Assert.DoesNotContain(secretHash, log, StringComparison.Ordinal);
        Assert.Contains("\"USERNAME\":\"ada\"", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallLog_GarbageAuthorizationHeader_IsRecordedButNeverChecked()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("AWS4-HMAC-SHA256", "Credential=fake/20260101/us-east-1/cognito-idp/aws4_request, Signature=00");
        using var signedAdmin = new CognitoAdmin(setup.Fake.Endpoint, http);

        await signedAdmin.DescribeUserPoolAsync(setup.PoolId);

        var calls = setup.Fake.CallsTo("DescribeUserPool");
        Assert.True(Assert.Single(calls).HadAuthorization);
        Assert.Equal(200, calls[0].StatusCode);
        Assert.False(setup.Fake.CallsTo("CreateUserPool").Single().HadAuthorization);
    }

    [Fact]
    public async Task GetSecretValue_SeededSecret_ReturnsItByNameAndByArn()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var arn = setup.Fake.SeedSecret("old-client-secret", "s3cr3t-value");

        var byName = await setup.Admin.SendTargetAsync("secretsmanager.GetSecretValue", "GetSecretValue", new JsonObject { ["SecretId"] = "old-client-secret" });
        var byArn = await setup.Admin.SendTargetAsync("secretsmanager.GetSecretValue", "GetSecretValue", new JsonObject { ["SecretId"] = arn });

        Assert.Equal("s3cr3t-value", byName["SecretString"]!.GetValue<string>());
        Assert.Equal(arn, byArn["ARN"]!.GetValue<string>());
        Assert.DoesNotContain("s3cr3t-value", string.Join('\n', setup.Fake.Calls.Select(c => c.RequestSummary)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretValue_UnknownSecret_AnswersResourceNotFound()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();

        var error = await Assert.ThrowsAsync<CognitoApiException>(() =>
            setup.Admin.SendTargetAsync("secretsmanager.GetSecretValue", "GetSecretValue", new JsonObject { ["SecretId"] = "missing" }));

        Assert.Equal("ResourceNotFoundException", error.ErrorType);
    }
}
