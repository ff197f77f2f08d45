using Trigger.Aws.Cognito;

namespace Trigger.UnitTests.Aws;

/// <summary>What goes on the wire for each Cognito operation: JSON 1.1 headers and the exact body.</summary>
public sealed class CognitoRequestShapeTests
{
    private const string Pool = "eu-west-1_Old";

    [Fact]
    public async Task AdminInitiateAuthAsync_Request_IsJson11PostWithExactBodyAndTarget()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.Json("{}"));
        using var http = new HttpClient();

        await AwsTestClients.Cognito(server, http).AdminInitiateAuthAsync(new AdminInitiateAuthRequest
        {
            UserPoolId = Pool,
            ClientId = "client-1",
            AuthFlow = AuthFlowType.AdminUserPasswordAuth,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "alice", ["PASSWORD"] = "pw" },
        });

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.Equal("AWSCognitoIdentityProviderService.AdminInitiateAuth", request.Header("X-Amz-Target"));
        Assert.Equal(
            """{"UserPoolId":"eu-west-1_Old","ClientId":"client-1","AuthFlow":"ADMIN_USER_PASSWORD_AUTH","AuthParameters":{"USERNAME":"alice","PASSWORD":"pw"}}""",
            request.BodyText);
    }

    [Fact]
    public async Task ListUsersAsync_Request_CarriesEveryGivenMemberAndOmitsNulls()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.Json("{}"));
        using var http = new HttpClient();
        var cognito = AwsTestClients.Cognito(server, http);

        await cognito.ListUsersAsync(new ListUsersRequest
        {
            UserPoolId = Pool,
            AttributesToGet = ["email", "preferred_username"],
            Filter = "email = \"a@example.com\"",
            Limit = 60,
            PaginationToken = "token-1",
        });
        await cognito.ListUsersAsync(new ListUsersRequest { UserPoolId = Pool });

        var requests = server.Requests;
        Assert.Equal("AWSCognitoIdentityProviderService.ListUsers", requests[0].Header("X-Amz-Target"));
        Assert.Equal(
            """{"UserPoolId":"eu-west-1_Old","AttributesToGet":["email","preferred_username"],"Filter":"email = \u0022a@example.com\u0022","Limit":60,"PaginationToken":"token-1"}""",
            requests[0].BodyText);
        Assert.Equal("""{"UserPoolId":"eu-west-1_Old"}""", requests[1].BodyText);
    }

    [Fact]
    public async Task AdminCreateUserAsync_Request_HasExactShape()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.Json("""{"User":{"Username":"bob"}}"""));
        using var http = new HttpClient();

        var created = await AwsTestClients.Cognito(server, http).AdminCreateUserAsync(new AdminCreateUserRequest
        {
            UserPoolId = Pool,
            Username = "bob",
            UserAttributes = [new AttributeType { Name = "email", Value = "bob@example.com" }, new AttributeType { Name = "email_verified", Value = "true" }],
            MessageAction = "SUPPRESS",
        });

        Assert.Equal("bob", created.User?.Username);
        var request = Assert.Single(server.Requests);
        Assert.Equal("AWSCognitoIdentityProviderService.AdminCreateUser", request.Header("X-Amz-Target"));
        Assert.Equal(
            """{"UserPoolId":"eu-west-1_Old","Username":"bob","UserAttributes":[{"Name":"email","Value":"bob@example.com"},{"Name":"email_verified","Value":"true"}],"MessageAction":"SUPPRESS"}""",
            request.BodyText);
    }

    [Fact]
    public async Task AdminSetUserPasswordAsync_Request_AlwaysSendsPermanent()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.Json("{}"));
        using var http = new HttpClient();

        await AwsTestClients.Cognito(server, http).AdminSetUserPasswordAsync(
            new AdminSetUserPasswordRequest { UserPoolId = Pool, Username = "bob", Password = "pw" });

        var request = Assert.Single(server.Requests);
        Assert.Equal("AWSCognitoIdentityProviderService.AdminSetUserPassword", request.Header("X-Amz-Target"));
        Assert.Equal("""{"UserPoolId":"eu-west-1_Old","Username":"bob","Password":"pw","Permanent":false}""", request.BodyText);
    }

    [Fact]
    public async Task RemainingOperations_Requests_UseTheirTargetsAndShapes()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.Json(string.Empty));
        using var http = new HttpClient();
        var cognito = AwsTestClients.Cognito(server, http);

        await cognito.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = Pool, Username = "bob" });
        await cognito.AdminResetUserPasswordAsync(new AdminResetUserPasswordRequest { UserPoolId = Pool, Username = "bob" });
        await cognito.DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = Pool });
        await cognito.GetCSVHeaderAsync(new GetCSVHeaderRequest { UserPoolId = Pool });
        await cognito.CreateUserImportJobAsync(new CreateUserImportJobRequest { UserPoolId = Pool, JobName = "sweep-1", CloudWatchLogsRoleArn = "arn:aws:iam::123456789012:role/logs" });
        await cognito.StartUserImportJobAsync(new StartUserImportJobRequest { UserPoolId = Pool, JobId = "import-1" });
        await cognito.DescribeUserImportJobAsync(new DescribeUserImportJobRequest { UserPoolId = Pool, JobId = "import-1" });

        Assert.Equal(
            [
                ("AdminGetUser", """{"UserPoolId":"eu-west-1_Old","Username":"bob"}"""),
                ("AdminResetUserPassword", """{"UserPoolId":"eu-west-1_Old","Username":"bob"}"""),
                ("DescribeUserPool", """{"UserPoolId":"eu-west-1_Old"}"""),
                ("GetCSVHeader", """{"UserPoolId":"eu-west-1_Old"}"""),
                ("CreateUserImportJob", """{"UserPoolId":"eu-west-1_Old","JobName":"sweep-1","CloudWatchLogsRoleArn":"arn:aws:iam::123456789012:role/logs"}"""),
                ("StartUserImportJob", """{"UserPoolId":"eu-west-1_Old","JobId":"import-1"}"""),
                ("DescribeUserImportJob", """{"UserPoolId":"eu-west-1_Old","JobId":"import-1"}"""),
            ],
            server.Requests.Select(r => (r.Header("X-Amz-Target")!["AWSCognitoIdentityProviderService.".Length..], r.BodyText)));
    }
}
