using System.Net;
using System.Text;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Aws.Cognito;

/// <summary>
/// The operations cognito-local 5.3.0 answers with HTTP 500 <c>CognitoLocal#Unsupported</c>
/// (AdminResetUserPassword, GetCSVHeader, the import job), exercised against FakeCognito instead.
/// </summary>
public sealed class CognitoClientOnFakeTests : IDisposable
{
    private const string LogsRole = "arn:aws:iam::123456789012:role/CognitoImportLogs";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    private CognitoIdentityProviderClient ClientFor(FakeCognitoSetup setup) =>
        LocalAwsClients.Cognito(setup.Fake.Endpoint, _http, LocalAwsClients.QuickRetries());

    [Fact]
    public async Task AdminResetUserPasswordAsync_ConfirmedUser_LeavesTheUserResetRequired()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("ada", u => u with { Email = "ada@example.test" });
        var client = ClientFor(setup);

        await client.AdminResetUserPasswordAsync(new AdminResetUserPasswordRequest { UserPoolId = setup.PoolId, Username = "ada" });
        var user = await client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = setup.PoolId, Username = "ada" });

        Assert.Equal(UserStatusType.ResetRequired, user.UserStatus);
        // The product client signs every call; the fake only records that a signature came.
        Assert.True(Assert.Single(setup.Fake.CallsTo("AdminResetUserPassword")).HadAuthorization);
    }

    [Fact]
    public async Task AdminResetUserPasswordAsync_UnknownUser_ThrowsUserNotFoundException()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();

        var error = await Assert.ThrowsAsync<UserNotFoundException>(() =>
            ClientFor(setup).AdminResetUserPasswordAsync(new AdminResetUserPasswordRequest { UserPoolId = setup.PoolId, Username = "nobody" }));

        Assert.Equal(nameof(UserNotFoundException), error.ErrorCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task AdminInitiateAuthAsync_ResetRequiredUser_ThrowsPasswordResetRequiredException()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("ada");
        var appClient = await setup.CreateClientAsync();
        var client = ClientFor(setup);
        await client.AdminResetUserPasswordAsync(new AdminResetUserPasswordRequest { UserPoolId = setup.PoolId, Username = "ada" });

        var error = await Assert.ThrowsAsync<PasswordResetRequiredException>(() => client.AdminInitiateAuthAsync(new AdminInitiateAuthRequest
        {
            UserPoolId = setup.PoolId,
            ClientId = appClient.ClientId,
            AuthFlow = AuthFlowType.AdminUserPasswordAuth,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "ada", ["PASSWORD"] = FakeCognitoSetup.Password },
        }));

        SecretAssert.Absent(error, FakeCognitoSetup.Password);
        Assert.Single(setup.Fake.CallsTo("AdminInitiateAuth"));
    }

    [Fact]
    public async Task GetCSVHeaderAsync_PoolWithCustomAttribute_ReturnsEveryColumn()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();

        var answer = await ClientFor(setup).GetCSVHeaderAsync(new GetCSVHeaderRequest { UserPoolId = setup.PoolId });

        Assert.Equal(setup.PoolId, answer.UserPoolId);
        var header = answer.CSVHeader ?? [];
        Assert.Equal(["custom:legacy_id", "cognito:mfa_enabled", "cognito:username"], header.TakeLast(3));
        Assert.Contains("email_verified", header);
    }

    [Fact]
    public async Task ImportJob_CreateUploadStartAndPoll_ImportsTheRowAsResetRequired()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var client = ClientFor(setup);
        var header = (await client.GetCSVHeaderAsync(new GetCSVHeaderRequest { UserPoolId = setup.PoolId })).CSVHeader!;
        var row = new Dictionary<string, string>
        {
            ["cognito:username"] = "ada",
            ["cognito:mfa_enabled"] = "false",
            ["email"] = "ada@example.test",
            ["email_verified"] = "true",
        };
        var csv = string.Join(',', header) + "\n" + string.Join(',', header.Select(c => row.GetValueOrDefault(c, string.Empty))) + "\n";

        var created = (await client.CreateUserImportJobAsync(
            new CreateUserImportJobRequest { UserPoolId = setup.PoolId, JobName = "stragglers", CloudWatchLogsRoleArn = LogsRole })).UserImportJob!;
        using (var upload = new HttpRequestMessage(HttpMethod.Put, created.PreSignedUrl) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) })
        {
            upload.Headers.Add("x-amz-server-side-encryption", "aws:kms");
            using var uploaded = await _http.SendAsync(upload);
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        }

        var started = (await client.StartUserImportJobAsync(new StartUserImportJobRequest { UserPoolId = setup.PoolId, JobId = created.JobId! })).UserImportJob!;
        var polls = new List<string?>();
        UserImportJobType job;
        do
        {
            job = (await client.DescribeUserImportJobAsync(new DescribeUserImportJobRequest { UserPoolId = setup.PoolId, JobId = created.JobId! })).UserImportJob!;
            polls.Add(job.Status);
        }
        while (job.Status is not ("Succeeded" or "Failed") && polls.Count < 10);

        Assert.Equal(("Created", "stragglers", LogsRole), (created.Status, created.JobName, created.CloudWatchLogsRoleArn));
        Assert.Equal("Pending", started.Status);
        Assert.Equal(["InProgress", "Succeeded"], polls);
        Assert.Equal((1L, 0L, 0L), (job.ImportedUsers, job.SkippedUsers, job.FailedUsers));
        Assert.NotNull(job.CompletionDate);
        var user = await client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = setup.PoolId, Username = "ada" });
        Assert.Equal(UserStatusType.ResetRequired, user.UserStatus);
        // The pre-signed URL is a bearer credential for the upload: printing the job must not show it.
        SecretAssert.Absent(created.ToString(), created.PreSignedUrl!);
    }

    [Fact]
    public async Task StartUserImportJobAsync_WhileAnotherJobIsActive_ThrowsLimitExceededWithoutRetrying()
    {
        await using var setup = await FakeCognitoSetup.StartAsync(new FakeCognitoOptions { ImportJobPollsBeforeCompletion = 3 });
        var client = ClientFor(setup);
        var first = await client.CreateUserImportJobAsync(new CreateUserImportJobRequest { UserPoolId = setup.PoolId, JobName = "one", CloudWatchLogsRoleArn = LogsRole });
        var second = await client.CreateUserImportJobAsync(new CreateUserImportJobRequest { UserPoolId = setup.PoolId, JobName = "two", CloudWatchLogsRoleArn = LogsRole });
        await client.StartUserImportJobAsync(new StartUserImportJobRequest { UserPoolId = setup.PoolId, JobId = first.UserImportJob!.JobId! });

        var error = await Assert.ThrowsAsync<LimitExceededException>(() =>
            client.StartUserImportJobAsync(new StartUserImportJobRequest { UserPoolId = setup.PoolId, JobId = second.UserImportJob!.JobId! }));

        Assert.Equal(nameof(LimitExceededException), error.ErrorCode);
        // Waiting seconds does not end another job: one call each, no retry.
        Assert.Equal(2, setup.Fake.CallsTo("StartUserImportJob").Count);
    }

    [Fact]
    public async Task DescribeUserImportJobAsync_UnknownJob_ThrowsResourceNotFoundException()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            ClientFor(setup).DescribeUserImportJobAsync(new DescribeUserImportJobRequest { UserPoolId = setup.PoolId, JobId = "import-nothere000" }));

        Assert.Equal(nameof(ResourceNotFoundException), error.ErrorCode);
    }
}
