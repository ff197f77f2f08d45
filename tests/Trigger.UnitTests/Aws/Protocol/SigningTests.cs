using System.Text;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Testing;

namespace Trigger.UnitTests.Aws;

public sealed class SigningTests
{
    private static readonly DateTimeOffset _signedAt = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    [Fact]
    public void Verify_AwsDocumentedExample_AcceptsItsSignature()
    {
        // The worked example of the IAM User Guide's SigV4 walkthrough (GET ListUsers on IAM, 2015-08-30).
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = "iam.amazonaws.com",
            ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8",
            ["X-Amz-Date"] = "20150830T123600Z",
            ["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
        };

        var (valid, reason) = SigV4Verifier.Verify(
            "GET", "/", "Action=ListUsers&Version=2010-05-08", headers, [], "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "iam", sessionToken: null);

        Assert.True(valid, reason);
    }

    [Fact]
    public async Task AdminGetUserAsync_SignedWithTestCredentials_PassesIndependentVerification()
    {
        await using var server = StartVerifyingServer();
        using var http = new HttpClient();
        var cognito = AwsTestClients.Cognito(server, http, time: new ManualClock(_signedAt));

        var user = await cognito.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = "eu-west-1_Old", Username = "alice" });

        Assert.Equal("alice", user.Username);
        var request = Assert.Single(server.Requests);
        Assert.Equal("20240506T070809Z", request.Header("X-Amz-Date"));
        Assert.Equal(AwsTestClients.SessionToken, request.Header("X-Amz-Security-Token"));
        Assert.Contains("content-type", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("x-amz-target", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminGetUserAsync_BodyChangedAfterSigning_IsRejectedByVerification()
    {
        await using var server = StartVerifyingServer();
        using var http = new HttpClient(new TamperingHandler(body: true) { InnerHandler = new HttpClientHandler() });
        var cognito = AwsTestClients.Cognito(server, http, time: new ManualClock(_signedAt));

        var error = await Assert.ThrowsAsync<AwsServiceException>(
            () => cognito.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = "eu-west-1_Old", Username = "alice" }));

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Contains("mallory", Assert.Single(server.Requests).BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminGetUserAsync_TargetChangedAfterSigning_IsRejectedByVerification()
    {
        await using var server = StartVerifyingServer();
        using var http = new HttpClient(new TamperingHandler(body: false) { InnerHandler = new HttpClientHandler() });
        var cognito = AwsTestClients.Cognito(server, http, time: new ManualClock(_signedAt));

        var error = await Assert.ThrowsAsync<AwsServiceException>(
            () => cognito.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = "eu-west-1_Old", Username = "alice" }));

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
    }

    [Fact]
    public async Task Verify_RequestSignedWithAnotherSecret_Fails()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.Json("{}"));
        using var http = new HttpClient();
        await AwsTestClients.Cognito(server, http).AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = "p", Username = "u" });

        var request = Assert.Single(server.Requests);
        var (valid, _) = SigV4Verifier.Verify(request, AwsTestClients.AccessKey, "another-secret", AwsTestClients.Region, "cognito-idp", AwsTestClients.SessionToken);
        var (validWithRightSecret, reason) = SigV4Verifier.Verify(request, AwsTestClients.AccessKey, AwsTestClients.SecretKey, AwsTestClients.Region, "cognito-idp", AwsTestClients.SessionToken);

        Assert.False(valid);
        Assert.True(validWithRightSecret, reason);
    }

    private static LoopbackAwsServer StartVerifyingServer() => LoopbackAwsServer.Start(request =>
    {
        var (valid, reason) = SigV4Verifier.Verify(
            request, AwsTestClients.AccessKey, AwsTestClients.SecretKey, AwsTestClients.Region, "cognito-idp", AwsTestClients.SessionToken);
        return valid
            ? CannedResponse.Json("""{"Username":"alice","UserStatus":"CONFIRMED"}""")
            : CannedResponse.AwsError(403, "InvalidSignatureException", reason);
    });

    /// <summary>Changes a signed request on its way out, as a man in the middle would.</summary>
    private sealed class TamperingHandler(bool body) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (body)
            {
                var text = await request.Content!.ReadAsStringAsync(cancellationToken);
                var contentType = request.Content.Headers.ContentType;
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(text.Replace("alice", "mallory", StringComparison.Ordinal)));
                request.Content.Headers.ContentType = contentType;
            }
            else
            {
                request.Headers.Remove("X-Amz-Target");
                request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSCognitoIdentityProviderService.AdminDeleteUser");
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
