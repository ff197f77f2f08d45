using System.Net;
using Trigger.Aws;
using Trigger.Aws.Cognito;

namespace Trigger.UnitTests.Aws;

public sealed class ErrorMappingTests
{
    private const string Password = "Sup3r+Secret=Pa55!<&>";
    private const string SecretHash = "c2VjcmV0LWhhc2gtdmFsdWUtMTIzNDU2Nzg5MA==";
    private const string Jwt = "eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

    public static TheoryData<string, Type> Codes => new()
    {
        { "NotAuthorizedException", typeof(NotAuthorizedException) },
        { "UserNotFoundException", typeof(UserNotFoundException) },
        { "UserNotConfirmedException", typeof(UserNotConfirmedException) },
        { "PasswordResetRequiredException", typeof(PasswordResetRequiredException) },
        { "TooManyRequestsException", typeof(TooManyRequestsException) },
        { "InvalidParameterException", typeof(InvalidParameterException) },
        { "ResourceNotFoundException", typeof(ResourceNotFoundException) },
        { "LimitExceededException", typeof(LimitExceededException) },
        { "UsernameExistsException", typeof(UsernameExistsException) },
        { "InvalidPasswordException", typeof(InvalidPasswordException) },
        { "InternalErrorException", typeof(AwsServiceException) },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task AdminGetUserAsync_ErrorCodeInBody_ThrowsItsTypeWithCodeStatusAndRequestId(string code, Type expected)
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.AwsError(400, code, "It went wrong.", "4f0c9c4e-1111-2222-3333-444455556666"));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => GetUser(server, http));

        Assert.IsType(expected, error);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("4f0c9c4e-1111-2222-3333-444455556666", error.RequestId);
        Assert.Contains("AdminGetUser", error.Message, StringComparison.Ordinal);
        Assert.Contains("4f0c9c4e-1111-2222-3333-444455556666", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("It went wrong.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminGetUserAsync_NamespacedType_IsStrippedToTheCode()
    {
        await using var server = LoopbackAwsServer.Start(_ => new CannedResponse(400, """{"__type":"com.amazonaws.cognito.identity.idp.model#UserNotFoundException","message":"User does not exist."}"""));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<UserNotFoundException>(() => GetUser(server, http));

        Assert.Equal("UserNotFoundException", error.ErrorCode);
        Assert.Null(error.RequestId);
    }

    [Fact]
    public async Task AdminGetUserAsync_ErrorTypeHeader_WinsOverBody()
    {
        await using var server = LoopbackAwsServer.Start(_ => new CannedResponse(
            400,
            """{"__type":"InvalidParameterException","message":"x"}""",
            new Dictionary<string, string>
            {
                ["x-amzn-ErrorType"] = "NotAuthorizedException:http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/",
                ["x-amzn-RequestId"] = "req-42",
            }));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<NotAuthorizedException>(() => GetUser(server, http));

        Assert.Equal("req-42", error.RequestId);
    }

    [Fact]
    public async Task AdminGetUserAsync_HtmlServiceUnavailable_ThrowsWithStatusAndNoBody()
    {
        await using var server = LoopbackAwsServer.Start(_ => new CannedResponse(503, "<html><body>Service Unavailable: upstream secret-ish detail</body></html>"));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => GetUser(server, http));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.DoesNotContain("html", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminGetUserAsync_EmptyBadGateway_ThrowsWithStatus()
    {
        await using var server = LoopbackAwsServer.Start(_ => new CannedResponse(502, string.Empty));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => GetUser(server, http));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
    }

    [Fact]
    public async Task AdminInitiateAuthAsync_ServiceEchoesSecrets_ExceptionCarriesNone()
    {
        // A worst-case service: it echoes the request body, the password, the hash and a token back.
        await using var server = LoopbackAwsServer.Start(request => CannedResponse.AwsError(
            400,
            "NotAuthorizedException",
            $"Incorrect username or password. password={Password} hash={SecretHash} token={Jwt}\r\nFORGED LOG LINE body={request.BodyText}"));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<NotAuthorizedException>(() => AwsTestClients.Cognito(server, http).AdminInitiateAuthAsync(new AdminInitiateAuthRequest
        {
            UserPoolId = "eu-west-1_Old",
            ClientId = "client-1",
            AuthFlow = AuthFlowType.AdminUserPasswordAuth,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "alice", ["PASSWORD"] = Password, ["SECRET_HASH"] = SecretHash },
        }));

        var everything = error.ToString();
        Assert.DoesNotContain("Sup3r", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretHash[..20], everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Jwt, everything, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("Incorrect username or password.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminSetUserPasswordAsync_ServiceEchoesPassword_ExceptionCarriesNone()
    {
        await using var server = LoopbackAwsServer.Start(request => CannedResponse.AwsError(400, "InvalidPasswordException", "Password did not conform with policy: " + request.BodyText));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<InvalidPasswordException>(() => AwsTestClients.Cognito(server, http).AdminSetUserPasswordAsync(
            new AdminSetUserPasswordRequest { UserPoolId = "p", Username = "bob", Password = Password, Permanent = true }));

        Assert.DoesNotContain("Sup3r", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminCreateUserAsync_ServiceEchoesTemporaryPassword_ExceptionCarriesNone()
    {
        await using var server = LoopbackAwsServer.Start(request => CannedResponse.AwsError(400, "InvalidParameterException", request.BodyText));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<InvalidParameterException>(() => AwsTestClients.Cognito(server, http).AdminCreateUserAsync(
            new AdminCreateUserRequest { UserPoolId = "p", Username = "bob", TemporaryPassword = Password }));

        Assert.DoesNotContain("Sup3r", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminGetUserAsync_VeryLongMessage_IsCapped()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.AwsError(400, "InvalidParameterException", new string('x', 5000)));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<InvalidParameterException>(() => GetUser(server, http));

        Assert.True(error.Message.Length < 500, error.Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ToString_SecretBearingShapes_RedactSecrets()
    {
        var printed = string.Join(
            "\n",
            new AdminInitiateAuthRequest
            {
                UserPoolId = "p",
                ClientId = "c",
                AuthFlow = AuthFlowType.AdminUserPasswordAuth,
                AuthParameters = new Dictionary<string, string> { ["PASSWORD"] = Password, ["SECRET_HASH"] = SecretHash },
            },
            new AdminInitiateAuthResponse
            {
                Session = Jwt,
                AuthenticationResult = new AuthenticationResultType { AccessToken = Jwt, IdToken = Jwt, RefreshToken = Password },
            },
            new AuthenticationResultType { AccessToken = Jwt, IdToken = Jwt, RefreshToken = Password },
            new AdminSetUserPasswordRequest { UserPoolId = "p", Username = "u", Password = Password },
            new AdminCreateUserRequest { UserPoolId = "p", Username = "u", TemporaryPassword = Password },
            new UserImportJobType { JobId = "j", PreSignedUrl = "https://s3.example/x?X-Amz-Signature=" + SecretHash },
            new Trigger.Aws.SecretsManager.GetSecretValueResponse { Name = "old-client", SecretString = Password });

        Assert.DoesNotContain(Password, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretHash, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(Jwt, printed, StringComparison.Ordinal);
        Assert.Contains("old-client", printed, StringComparison.Ordinal);
    }

    private static Task<AdminGetUserResponse> GetUser(LoopbackAwsServer server, HttpClient http) =>
        AwsTestClients.Cognito(server, http).AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = "eu-west-1_Old", Username = "alice" });
}
