using System.Text.Json.Nodes;
using Amazon.Runtime;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Cli.Options;
using Trigger.Cli.Commands.Export;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Exits;
using Trigger.Cli.Files;
using Trigger.Testing;

namespace Trigger.Cli.Tests.Commands.Sweep.Support;

/// <summary>
/// A FakeCognito with an old and a new pool, a typed client on it that retries throttling quickly, a
/// scratch work directory, and helpers to seed users and to run the export and the sweep in-process.
/// </summary>
internal sealed class FakePools : IAsyncDisposable
{
    public const string Password = "Old-pool-Pa55!";

    /// <summary>The exit code of a run stopped by a simulated kill -9 (128 + SIGKILL).</summary>
    public const int Killed = 137;

    private FakePools(FakeCognito fake, CognitoAdmin admin, string oldPoolId, string newPoolId, DirectoryInfo scratch)
    {
        Fake = fake;
        Admin = admin;
        OldPoolId = oldPoolId;
        NewPoolId = newPoolId;
        Scratch = scratch;
        Client = CreateClient(fake.Endpoint);
    }

    public FakeCognito Fake { get; }

    public CognitoAdmin Admin { get; }

    public string OldPoolId { get; }

    public string NewPoolId { get; }

    public DirectoryInfo Scratch { get; }

    public ICognitoIdentityProvider Client { get; }

    public string WorkDirectory => Path.Combine(Scratch.FullName, "work");

    public static async Task<FakePools> StartAsync(PoolSpec? oldPool = null, PoolSpec? newPool = null, FakeCognitoOptions? options = null)
    {
        var fake = await FakeCognito.StartAsync(options);
        var admin = new CognitoAdmin(fake.Endpoint);
        var oldId = (await admin.CreatePoolAsync(oldPool ?? new PoolSpec("old") { Schema = [new SchemaAttributeSpec("tenant"), new SchemaAttributeSpec("tier")] })).Id;
        var newId = (await admin.CreatePoolAsync(newPool ?? new PoolSpec("new") { Schema = [new SchemaAttributeSpec("tenant"), new SchemaAttributeSpec("legacy_sub")] })).Id;
        return new FakePools(fake, admin, oldId, newId, Directory.CreateTempSubdirectory("cli2-sweep-"));
    }

    public static ICognitoIdentityProvider CreateClient(Uri endpoint, int retries = 10) => new CognitoIdentityProviderClient(new AwsClientOptions
    {
        Region = "us-east-1",
        EndpointOverride = endpoint,
        Credentials = new BasicAWSCredentials("local", "local"),
        ResiliencePipeline = AwsResilience.CreatePipeline(new AwsResilienceOptions
        {
            MaxRetryAttempts = retries,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(20),
        }),
    });

    /// <summary>A CONFIRMED old user with a verified email (the common straggler), adjusted by <paramref name="adjust"/>.</summary>
    public Task<UserView> SeedOldAsync(string username, Func<UserSpec, UserSpec>? adjust = null)
    {
        var spec = new UserSpec(username, Password) { Email = $"{username}@example.com" };
        return Admin.CreateUserAsync(OldPoolId, adjust is null ? spec : adjust(spec));
    }

    public async Task SeedManyOldAsync(int count, string prefix = "user")
    {
        for (var i = 0; i < count; i++)
        {
            await SeedOldAsync($"{prefix}{i:0000}");
        }
    }

    public Task<UserView> SeedNewAsync(string username, Func<UserSpec, UserSpec>? adjust = null)
    {
        var spec = new UserSpec(username, "New-pool-Pa55!") { Email = $"{username}@example.com" };
        return Admin.CreateUserAsync(NewPoolId, adjust is null ? spec : adjust(spec));
    }

    public async Task<UserView?> NewUserOrNullAsync(string username)
    {
        try
        {
            return await Admin.GetUserAsync(NewPoolId, username);
        }
        catch (CognitoApiException e) when (e.ErrorType == "UserNotFoundException")
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<UserView>> NewUsersAsync()
    {
        var users = new List<UserView>();
        string? token = null;
        do
        {
            var request = new JsonObject { ["UserPoolId"] = NewPoolId, ["Limit"] = 60 };
            if (token is not null)
            {
                request["PaginationToken"] = token;
            }

            var page = await Admin.SendAsync("ListUsers", request);
            foreach (var user in page["Users"]!.AsArray())
            {
                var attributes = user!["Attributes"]!.AsArray().ToDictionary(a => a!["Name"]!.GetValue<string>(), a => a!["Value"]!.GetValue<string>());
                users.Add(new UserView(user["Username"]!.GetValue<string>(), user["UserStatus"]!.GetValue<string>(), user["Enabled"]!.GetValue<bool>(), attributes));
            }

            token = page["PaginationToken"]?.GetValue<string>();
        }
        while (token is not null);
        return users;
    }

    /// <summary>The calls of <paramref name="operation"/> made on the new pool.</summary>
    public IReadOnlyList<FakeCall> NewPoolCalls(string operation) =>
        Fake.CallsTo(operation).Where(c => JsonNode.Parse(c.RequestSummary)!["UserPoolId"]?.GetValue<string>() == NewPoolId).ToList();

    /// <summary>How many AdminCreateUser calls succeeded per username (the fake refuses a second one for the same name).</summary>
    public Dictionary<string, int> SuccessfulCreations() => Fake.CallsTo("AdminCreateUser")
        .Where(c => c.StatusCode == 200 && JsonNode.Parse(c.RequestSummary)!["UserPoolId"]!.GetValue<string>() == NewPoolId)
        .GroupBy(c => JsonNode.Parse(c.RequestSummary)!["Username"]!.GetValue<string>(), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public SweepOptions Options(Func<SweepOptions, SweepOptions>? adjust = null)
    {
        var options = new SweepOptions
        {
            OldUserPoolId = OldPoolId,
            NewUserPoolId = NewPoolId,
            AssumeYes = true,
            WorkDirectory = WorkDirectory,
            CreatesPerSecond = 2000,
            PasswordCallsPerSecond = 2000,
            ReadsPerSecond = 2000,
            PagesPerSecond = 30,
            Concurrency = 8,
            Format = OutputFormat.Json,
            ProgressInterval = TimeSpan.FromHours(1),
        };
        return adjust is null ? options : adjust(options);
    }

    public async Task<RunResult> SweepAsync(SweepOptions options, SweepSeams? seams = null, string input = "", CancellationToken cancellationToken = default, ICognitoIdentityProvider? client = null)
    {
        using var output = new StringWriter();
        using var messages = new StringWriter();
        try
        {
            var code = await SweepRunner.RunAsync(
                options, client ?? Client, client ?? Client, output, messages, new StringReader(input), TimeProvider.System, seams ?? new SweepSeams(), cancellationToken);
            return new RunResult(code, output.ToString(), messages.ToString());
        }
        catch (SimulatedCrashException)
        {
            // The process "died": whatever it was doing never finished.
            return new RunResult(Killed, output.ToString(), messages.ToString());
        }
        catch (CliFailure failure)
        {
            // What the tool's top does with it: one line on stderr, and its exit code.
            return new RunResult(await failure.ReportAsync(messages), output.ToString(), messages.ToString());
        }
    }

    public async Task<RunResult> ExportAsync(ExportOptions options, IDurableFiles? files = null, ICognitoIdentityProvider? client = null)
    {
        using var output = new StringWriter();
        using var messages = new StringWriter();
        try
        {
            var code = await ExportRunner.RunAsync(options, client ?? Client, output, messages, TimeProvider.System, files ?? DurableFiles.Instance, CancellationToken.None);
            return new RunResult(code, output.ToString(), messages.ToString());
        }
        catch (CliFailure failure)
        {
            return new RunResult(await failure.ReportAsync(messages), output.ToString(), messages.ToString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Fake.DisposeAsync();
        try
        {
            Scratch.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>What a command run returned and printed.</summary>
internal sealed record RunResult(int ExitCode, string Output, string Messages);
