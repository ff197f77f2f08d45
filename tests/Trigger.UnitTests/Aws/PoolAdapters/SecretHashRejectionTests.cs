using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Aws.PoolAdapters;
using Trigger.Migration.Ports;

namespace Trigger.UnitTests.Aws;

/// <summary>The rotated-secret check must read Cognito's own words, not the message after the request's values were cut out.</summary>
public sealed class SecretHashRejectionTests
{
    private const string RejectedHash = "Unable to verify secret hash for client client-1";

    [Fact]
    public async Task AdminInitiateAuthAsync_UserNamedHash_SecretHashRejectionStillRecognised()
    {
        await using var server = LoopbackAwsServer.Start(_ => CannedResponse.AwsError(400, "NotAuthorizedException", RejectedHash));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<NotAuthorizedException>(() => AwsTestClients.Cognito(server, http).AdminInitiateAuthAsync(new AdminInitiateAuthRequest
        {
            UserPoolId = "eu-west-1_Old",
            ClientId = "client-1",
            AuthFlow = AuthFlowType.AdminUserPasswordAuth,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "hash", ["PASSWORD"] = "Pa55word!", ["SECRET_HASH"] = "x" },
        }));

        Assert.DoesNotContain("secret hash", error.Message, StringComparison.Ordinal); // the redaction did cut "hash" out
        Assert.True(error.SecretHashRejected);
    }

    [Fact]
    public async Task CheckPasswordAsync_UserNamedHashAfterRotation_RefetchesTheSecretAndSignsIn()
    {
        var answers = new Queue<CannedResponse>([
            CannedResponse.AwsError(400, "NotAuthorizedException", RejectedHash),
            CannedResponse.Json("""{"AuthenticationResult":{"AccessToken":"a","ExpiresIn":3600,"TokenType":"Bearer"}}"""),
        ]);
        await using var server = LoopbackAwsServer.Start(_ => answers.Dequeue());
        using var http = new HttpClient();
        var secret = new RotatingSecret();
        var directory = new CognitoOldUserDirectory(AwsTestClients.Cognito(server, http), new OldPoolTarget("eu-west-1_Old", "client-1"), secret);

        Assert.Equal(PasswordCheck.Accepted, await directory.CheckPasswordAsync("hash", "Pa55word!", CancellationToken.None));
        Assert.Equal(1, secret.Refreshes);
    }

    private sealed class RotatingSecret : IClientSecretSource
    {
        public int Refreshes { get; private set; }

        public ValueTask<string> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult("stale-secret");

        public ValueTask<string> RefreshAsync(CancellationToken cancellationToken)
        {
            Refreshes++;
            return ValueTask.FromResult("fresh-secret");
        }
    }
}
