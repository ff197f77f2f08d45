using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Testing.FakeCognito;

public sealed class FakeCognitoImportTests
{
    private const string LogsRole = "arn:aws:iam::123456789012:role/CognitoImportLogs";

    private static async Task<IReadOnlyList<string>> HeaderAsync(FakeCognitoSetup setup)
    {
        var answer = await setup.Admin.SendAsync("GetCSVHeader", new JsonObject { ["UserPoolId"] = setup.PoolId });
        return answer["CSVHeader"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
    }

    private static string Csv(IReadOnlyList<string> header, params Dictionary<string, string>[] rows)
    {
        var text = new StringBuilder(string.Join(',', header)).Append('\n');
        foreach (var row in rows)
        {
            text.Append(string.Join(',', header.Select(c => row.TryGetValue(c, out var v) ? v.Replace(",", "\\,", StringComparison.Ordinal) : string.Empty))).Append('\n');
        }

        return text.ToString();
    }

    private static Dictionary<string, string> Row(string username, string email, string emailVerified = "true") => new()
    {
        ["cognito:username"] = username,
        ["cognito:mfa_enabled"] = "false",
        ["email"] = email,
        ["email_verified"] = emailVerified,
    };

    private static async Task<JsonObject> CreateJobAsync(FakeCognitoSetup setup)
    {
        var answer = await setup.Admin.SendAsync("CreateUserImportJob", new JsonObject
        {
            ["JobName"] = "stragglers",
            ["UserPoolId"] = setup.PoolId,
            ["CloudWatchLogsRoleArn"] = LogsRole,
        });
        return answer["UserImportJob"]!.AsObject();
    }

    private static async Task<HttpResponseMessage> UploadAsync(string url, string csv, string? encryption = "aws:kms")
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) };
        if (encryption is not null)
        {
            request.Headers.Add("x-amz-server-side-encryption", encryption);
        }

        return await http.SendAsync(request);
    }

    private static async Task<JsonObject> RunJobAsync(FakeCognitoSetup setup, string csv)
    {
        var job = await CreateJobAsync(setup);
        using var upload = await UploadAsync(job["PreSignedUrl"]!.GetValue<string>(), csv);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var jobId = job["JobId"]!.GetValue<string>();
        await setup.Admin.SendAsync("StartUserImportJob", new JsonObject { ["UserPoolId"] = setup.PoolId, ["JobId"] = jobId });
        for (var poll = 0; poll < 10; poll++)
        {
            var described = (await setup.Admin.SendAsync("DescribeUserImportJob", new JsonObject { ["UserPoolId"] = setup.PoolId, ["JobId"] = jobId }))["UserImportJob"]!.AsObject();
            if (described["Status"]!.GetValue<string>() is "Succeeded" or "Failed")
            {
                return described;
            }
        }

        throw new InvalidOperationException("The import job did not finish in 10 polls.");
    }

    [Fact]
    public async Task ImportJob_ValidCsv_ImportsEveryRowAsResetRequired()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var header = await HeaderAsync(setup);
        var csv = Csv(header, Row("ada", "ada@example.test"), new Dictionary<string, string>(Row("grace", "grace@example.test")) { ["name"] = "Hopper, Grace" });

        var job = await RunJobAsync(setup, csv);

        Assert.Equal("Succeeded", job["Status"]!.GetValue<string>());
        Assert.Equal(2, job["ImportedUsers"]!.GetValue<int>());
        var grace = await setup.Admin.GetUserAsync(setup.PoolId, "grace");
        Assert.Equal(("RESET_REQUIRED", "Hopper, Grace"), (grace.UserStatus, grace["name"]));
        Assert.Equal("RESET_REQUIRED", (await setup.Admin.GetUserAsync(setup.PoolId, "ada")).UserStatus);
    }

    [Fact]
    public async Task StartUserImportJob_Started_ReportsInProgressBeforeTheFinalStatus()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var job = await CreateJobAsync(setup);
        using var upload = await UploadAsync(job["PreSignedUrl"]!.GetValue<string>(), Csv(await HeaderAsync(setup), Row("ada", "ada@example.test")));
        var ids = new JsonObject { ["UserPoolId"] = setup.PoolId, ["JobId"] = job["JobId"]!.GetValue<string>() };

        var started = await setup.Admin.SendAsync("StartUserImportJob", ids.DeepClone().AsObject());
        var firstPoll = await setup.Admin.SendAsync("DescribeUserImportJob", ids.DeepClone().AsObject());
        var secondPoll = await setup.Admin.SendAsync("DescribeUserImportJob", ids.DeepClone().AsObject());

        Assert.Equal(
            ["Pending", "InProgress", "Succeeded"],
            new[] { started, firstPoll, secondPoll }.Select(a => a["UserImportJob"]!["Status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ImportJob_BadRows_FailsOrSkipsThoseLinesAndImportsTheRest()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("existing");
        var header = await HeaderAsync(setup);
        var csv = Csv(
            header,
            Row("good", "good@example.test"),
            Row("unverified", "u@example.test", emailVerified: "false"),
            Row("existing", "e@example.test"),
            new Dictionary<string, string>(Row("mfa", "m@example.test")) { ["cognito:mfa_enabled"] = "true" },
            new Dictionary<string, string>(Row("born", "b@example.test")) { ["birthdate"] = "1990-01-31" });

        var job = await RunJobAsync(setup, csv);

        Assert.Equal("Succeeded", job["Status"]!.GetValue<string>());
        Assert.Equal((1, 1, 3), (job["ImportedUsers"]!.GetValue<int>(), job["SkippedUsers"]!.GetValue<int>(), job["FailedUsers"]!.GetValue<int>()));
        var log = setup.Fake.ImportLog(job["JobId"]!.GetValue<string>());
        Assert.Equal(
            [(2, "SUCCEEDED"), (3, "FAILED"), (4, "SKIPPED"), (5, "FAILED"), (6, "FAILED")],
            log.Select(l => (l.LineNumber, l.Outcome)));
        Assert.Contains("email_verified", log[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportJob_HeaderMissingAColumn_FailsTheJob()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var header = (await HeaderAsync(setup)).Where(c => c != "custom:legacy_id").ToList();

        var job = await RunJobAsync(setup, Csv(header, Row("ada", "ada@example.test")));

        Assert.Equal("Failed", job["Status"]!.GetValue<string>());
        Assert.Contains("custom:legacy_id", job["CompletionMessage"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportJob_FileWithByteOrderMark_FailsTheJob()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();

        var job = await RunJobAsync(setup, "\uFEFF" + Csv(await HeaderAsync(setup), Row("ada", "ada@example.test")));

        Assert.Equal("Failed", job["Status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_WithoutKmsEncryptionHeader_Answers403()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        var job = await CreateJobAsync(setup);

        using var response = await UploadAsync(job["PreSignedUrl"]!.GetValue<string>(), "x", encryption: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Upload_AfterFifteenMinutes_Answers403Expired()
    {
        var clock = new ManualClock();
        await using var setup = await FakeCognitoSetup.StartAsync(new FakeCognitoOptions { TimeProvider = clock });
        var job = await CreateJobAsync(setup);
        clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        using var response = await UploadAsync(job["PreSignedUrl"]!.GetValue<string>(), "x");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUserImportJob_WhileAnotherJobIsActive_AnswersLimitExceeded()
    {
        await using var setup = await FakeCognitoSetup.StartAsync(new FakeCognitoOptions { ImportJobPollsBeforeCompletion = 3 });
        var first = await CreateJobAsync(setup);
        var second = await CreateJobAsync(setup);
        await setup.Admin.SendAsync("StartUserImportJob", new JsonObject { ["UserPoolId"] = setup.PoolId, ["JobId"] = first["JobId"]!.GetValue<string>() });

        var error = await Assert.ThrowsAsync<CognitoApiException>(() =>
            setup.Admin.SendAsync("StartUserImportJob", new JsonObject { ["UserPoolId"] = setup.PoolId, ["JobId"] = second["JobId"]!.GetValue<string>() }));

        Assert.Equal("LimitExceededException", error.ErrorType);
    }

    [Fact]
    public async Task GetCsvHeader_PoolWithCustomAttribute_ListsItBeforeTheCognitoColumns()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();

        var header = await HeaderAsync(setup);

        Assert.Equal(["custom:legacy_id", "cognito:mfa_enabled", "cognito:username"], header.TakeLast(3));
        Assert.Equal("name", header[0]);
        Assert.DoesNotContain("sub", header);
    }
}
