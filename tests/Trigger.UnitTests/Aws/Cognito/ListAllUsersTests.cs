using System.Text.Json;
using Trigger.Aws.Cognito;

namespace Trigger.UnitTests.Aws;

public sealed class ListAllUsersTests
{
    [Fact]
    public async Task ListAllUsersAsync_ShortAndEmptyPages_FollowsTokensToTheEnd()
    {
        await using var server = LoopbackAwsServer.Script(
            CannedResponse.Json("""{"Users":[{"Username":"a"},{"Username":"b"}],"PaginationToken":"t1"}"""),
            CannedResponse.Json("""{"Users":[],"PaginationToken":"t2"}"""),
            CannedResponse.Json("""{"PaginationToken":"t3"}"""),
            CannedResponse.Json("""{"Users":[{"Username":"c"}]}"""));
        using var http = new HttpClient();
        var cognito = AwsTestClients.Cognito(server, http);

        var names = new List<string?>();
        await foreach (var user in cognito.ListAllUsersAsync(new ListUsersRequest { UserPoolId = "p", Limit = 60, Filter = "status = \"Enabled\"" }))
        {
            names.Add(user.Username);
        }

        Assert.Equal(["a", "b", "c"], names);
        var sentTokens = server.Requests
            .Select(r => JsonDocument.Parse(r.Body).RootElement)
            .Select(body => body.TryGetProperty("PaginationToken", out var token) ? token.GetString() : null);
        Assert.Equal([null, "t1", "t2", "t3"], sentTokens);
        Assert.All(server.Requests, r => Assert.Contains("\"Limit\":60", r.BodyText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListAllUsersAsync_ServiceRepeatsTheToken_ThrowsInsteadOfLooping()
    {
        await using var server = LoopbackAwsServer.Script(
            CannedResponse.Json("""{"Users":[{"Username":"a"}],"PaginationToken":"same"}"""));
        using var http = new HttpClient();
        var cognito = AwsTestClients.Cognito(server, http);

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var user in cognito.ListAllUsersAsync(new ListUsersRequest { UserPoolId = "p" }))
            {
                Assert.Equal("a", user.Username);
            }
        });

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ListAllUsersAsync_CallerStopsEarly_ReadsNoFurtherPages()
    {
        await using var server = LoopbackAwsServer.Script(
            CannedResponse.Json("""{"Users":[{"Username":"a"},{"Username":"b"}],"PaginationToken":"t1"}"""),
            CannedResponse.Json("""{"Users":[{"Username":"c"}]}"""));
        using var http = new HttpClient();

        await foreach (var user in AwsTestClients.Cognito(server, http).ListAllUsersAsync(new ListUsersRequest { UserPoolId = "p" }))
        {
            Assert.Equal("a", user.Username);
            break;
        }

        Assert.Single(server.Requests);
    }
}
