using Trigger.Aws.Cognito;

namespace Trigger.UnitTests.Aws;

/// <summary>How Cognito's answers are read: epoch dates, nulls, members we do not know.</summary>
public sealed class CognitoResponseShapeTests
{
    [Fact]
    public async Task ListUsersAsync_Answer_ReadsEpochDatesNullsAndIgnoresUnknownMembers()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.Json("""
            {"Users":[
              {"Username":"alice","Attributes":[{"Name":"email","Value":"a@example.com"},{"Name":"nickname","Value":null}],
               "UserCreateDate":1.700000000123E9,"UserLastModifiedDate":1700000001,"Enabled":true,"UserStatus":"CONFIRMED",
               "MFAOptions":[{"DeliveryMedium":"SMS","AttributeName":"phone_number"}],"NewThing":{"Deep":[1,2]}},
              {"Username":"bob","Attributes":null,"UserCreateDate":null,"Enabled":null,"UserStatus":"FORCE_CHANGE_PASSWORD"}],
             "PaginationToken":null,"AlsoNew":42}
            """));
        using var http = new HttpClient();

        var page = await AwsTestClients.Cognito(server, http).ListUsersAsync(new ListUsersRequest { UserPoolId = "p" });

        Assert.Null(page.PaginationToken);
        var users = page.Users!;
        Assert.Equal(2, users.Count);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(1_700_000_000).AddMilliseconds(123), users[0].UserCreateDate);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_001), users[0].UserLastModifiedDate);
        Assert.True(users[0].Enabled);
        Assert.Equal(UserStatusType.Confirmed, users[0].UserStatus);
        Assert.Equal(new AttributeType { Name = "nickname", Value = null }, users[0].Attributes![1]);
        Assert.Equal("phone_number", Assert.Single(users[0].MFAOptions!).AttributeName);
        Assert.Null(users[1].Attributes);
        Assert.Null(users[1].UserCreateDate);
        Assert.Null(users[1].Enabled);
    }

    [Fact]
    public async Task AdminInitiateAuthAsync_ChallengeAnswer_IsReadWithoutTokens()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.Json("""
            {"ChallengeName":"NEW_PASSWORD_REQUIRED","Session":"sess-123","ChallengeParameters":{"USER_ID_FOR_SRP":"alice","requiredAttributes":"[]"},"AuthenticationResult":null}
            """));
        using var http = new HttpClient();

        var answer = await AwsTestClients.Cognito(server, http).AdminInitiateAuthAsync(new AdminInitiateAuthRequest
        {
            UserPoolId = "p",
            ClientId = "c",
            AuthFlow = AuthFlowType.AdminUserPasswordAuth,
        });

        Assert.Equal(ChallengeNameType.NewPasswordRequired, answer.ChallengeName);
        Assert.Equal("sess-123", answer.Session);
        Assert.Equal("alice", answer.ChallengeParameters!["USER_ID_FOR_SRP"]);
        Assert.Null(answer.AuthenticationResult);
    }

    [Fact]
    public async Task AdminInitiateAuthAsync_TokenAnswer_IsRead()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.Json("""
            {"ChallengeParameters":{},"AuthenticationResult":{"AccessToken":"a.b.c","ExpiresIn":3600,"TokenType":"Bearer","RefreshToken":"r","IdToken":"i.d.t"}}
            """));
        using var http = new HttpClient();

        var answer = await AwsTestClients.Cognito(server, http).AdminInitiateAuthAsync(new AdminInitiateAuthRequest
        {
            UserPoolId = "p",
            ClientId = "c",
            AuthFlow = AuthFlowType.AdminUserPasswordAuth,
        });

        Assert.Null(answer.ChallengeName);
        Assert.Equal(3600, answer.AuthenticationResult?.ExpiresIn);
        Assert.Equal("i.d.t", answer.AuthenticationResult?.IdToken);
    }

    [Fact]
    public async Task ImportJobOperations_Answers_AreRead()
    {
        await using var server = LoopbackAwsServer.Start(request => request.Header("X-Amz-Target")!.EndsWith("GetCSVHeader", StringComparison.Ordinal)
            ? CannedResponse.Json("""{"UserPoolId":"p","CSVHeader":["name","email","email_verified","cognito:mfa_enabled","cognito:username"]}""")
            : CannedResponse.Json("""
                {"UserImportJob":{"JobName":"sweep-1","JobId":"import-1","UserPoolId":"p","PreSignedUrl":"https://s3.example/upload?X-Amz-Signature=abc",
                 "CreationDate":1700000000,"StartDate":1700000060.5,"Status":"InProgress","ImportedUsers":10,"SkippedUsers":1,"FailedUsers":2}}
                """));
        using var http = new HttpClient();
        var cognito = AwsTestClients.Cognito(server, http);

        var header = await cognito.GetCSVHeaderAsync(new GetCSVHeaderRequest { UserPoolId = "p" });
        var job = (await cognito.DescribeUserImportJobAsync(new DescribeUserImportJobRequest { UserPoolId = "p", JobId = "import-1" })).UserImportJob!;

        Assert.Equal("cognito:username", header.CSVHeader![^1]);
        Assert.Equal("InProgress", job.Status);
        Assert.Equal(10, job.ImportedUsers);
        Assert.Equal(2, job.FailedUsers);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_060_500), job.StartDate);
        Assert.Null(job.CompletionDate);
    }

    [Fact]
    public async Task AdminGetUserAsync_AnswerThatIsNotJson_ThrowsMalformedResponse()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.Json("<html>proxy</html>"));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<Trigger.Aws.AwsServiceException>(
            () => AwsTestClients.Cognito(server, http).AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = "p", Username = "u" }));

        Assert.Equal("MalformedResponse", error.ErrorCode);
        Assert.DoesNotContain("proxy", error.Message, StringComparison.Ordinal);
    }
}
