using System.Text.Json.Nodes;
using Trigger.Cli.Commands.Export;
using Trigger.Cli.Tests.Support;
using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.Cli.Tests.Commands.FoldIndex;

/// <summary>
/// A case-sensitive old pool (the fake Cognito, whose look-ups are exact) with mixed-case names, its export
/// snapshot padded to a few thousand users, the fold index built from that snapshot by <c>cognito-migrate
/// index</c> into a real DynamoDB-compatible server (dynalite), and the published bootstrap reading it through
/// the Runtime API bridge. The tests hand the bootstrap lowercased names, as a case-insensitive new pool does.
/// </summary>
public sealed class FoldIndexWorld : IAsyncLifetime, ISlowFixture
{
    public const string Password = "Old-pool-Pa55!";
    public const string Table = "migration-fold-index";
    public const int FillerUsers = 3000;

    public DynaliteServer Dynalite { get; private set; } = null!;

    public FakeCognito Fake { get; private set; } = null!;

    public CognitoAdmin Admin { get; private set; } = null!;

    public string OldPoolId { get; private set; } = "";

    public string NewPoolId { get; private set; } = "";

    public string SnapshotPath { get; private set; } = "";

    /// <summary>The exit code of the <c>index</c> run that built <see cref="Table"/>.</summary>
    public int IndexExitCode { get; private set; }

    /// <summary>What that run printed on stdout.</summary>
    public string IndexOutput { get; private set; } = "";

    public LambdaRuntimeBridge Bridge { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> CliEnvironment { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var publish = FunctionArtifact.GetPublishedAsync();
        Dynalite = await DynaliteServer.StartAsync();
        Fake = await FakeCognito.StartAsync();
        Admin = new CognitoAdmin(Fake.Endpoint);
        OldPoolId = (await Admin.CreatePoolAsync(new PoolSpec("old"))).Id;
        NewPoolId = (await Admin.CreatePoolAsync(new PoolSpec("new"))).Id;
        var client = await Admin.CreateAppClientAsync(OldPoolId, new AppClientSpec("trigger"));

        // The old users the tests sign in as or claim the names of; the snapshot adds thousands more.
        var seeded = new[]
        {
            new UserSpec("Quinn", Password) { Email = "Quinn.Q@Example.com" },
            new UserSpec("Alice", Password) { Email = "alice.one@example.com" },
            new UserSpec("ALICE", Password) { Email = "alice.two@example.com" },
            // Only in the snapshot: one's username and another's alias folding together.
            new UserSpec("Sky", Password) { Email = "sky@example.com" },
            new UserSpec("Rory", Password) { Email = "rory@example.com", PreferredUsername = "SKY" },
        };
        foreach (var user in seeded.Take(3))
        {
            await Admin.CreateUserAsync(OldPoolId, user);
        }

        SnapshotPath = Path.Combine(Directory.CreateTempSubdirectory("fold-index-").FullName, "old-pool.jsonl");
        await WriteSnapshotAsync(SnapshotPath, OldPoolId, seeded);

        CliEnvironment = new Dictionary<string, string>
        {
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = Dynalite.Endpoint.ToString(),
        };
        var run = await new CliRunner { Environment = CliEnvironment }
            .RunWithAsync("index", "--snapshot", SnapshotPath, "--table", Table, "--create-table");
        (IndexExitCode, IndexOutput) = (run.ExitCode, run.Out + run.Error);

        Bridge = await LambdaRuntimeBridge.StartAsync(new LambdaRuntimeBridgeOptions
        {
            Runtime = await publish,
            LogFormat = "JSON",
            Environment = new Dictionary<string, string>
            {
                ["MIGRATION_OLD_USER_POOL_ID"] = OldPoolId,
                ["MIGRATION_OLD_CLIENT_ID"] = client.ClientId,
                ["MIGRATION_OLD_ENDPOINT_URL"] = Fake.Endpoint.ToString(),
                ["MIGRATION_FOLD_INDEX_TABLE"] = Table,
                ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = Fake.Endpoint.ToString(),
                ["AWS_ENDPOINT_URL_DYNAMODB"] = Dynalite.Endpoint.ToString(),
                ["AWS_REGION"] = "us-east-1",
                ["AWS_ACCESS_KEY_ID"] = "local",
                ["AWS_SECRET_ACCESS_KEY"] = "local",
            },
        });
    }

    /// <summary>A UserMigration sign-in event as a case-insensitive new pool sends it.</summary>
    public string SignIn(string userName) => Event("UserMigration_Authentication", userName, new JsonObject { ["password"] = Password });

    /// <summary>A PreSignUp event claiming <paramref name="userName"/> and, when given, an email.</summary>
    public string SignUp(string userName, string? email = null) => Event("PreSignUp_SignUp", userName, new JsonObject
    {
        ["userAttributes"] = email is null ? new JsonObject() : new JsonObject { ["email"] = email },
    });

    /// <summary>Writes a snapshot as export does: header, the users, summary.</summary>
    public static async Task WriteSnapshotAsync(string path, string poolId, IEnumerable<UserSpec> seeded, int fillers = FillerUsers)
    {
        var users = seeded.Select(ToLine)
            .Concat(Enumerable.Range(0, fillers).Select(i => ToLine(new UserSpec($"User{i:00000}", Password) { Email = $"User{i:00000}@Example.com" })))
            .ToList();
        await using var file = File.Create(path);
        await file.WriteAsync(SnapshotJson.ToLine(new SnapshotLine { Kind = SnapshotLine.HeaderKind, Format = SnapshotLine.CurrentFormat, UserPoolId = poolId, Region = "us-east-1" }));
        foreach (var user in users)
        {
            await file.WriteAsync(SnapshotJson.ToLine(user));
        }

        await file.WriteAsync(SnapshotJson.ToLine(new SnapshotLine { Kind = SnapshotLine.SummaryKind, Users = users.Count }));
    }

    private static SnapshotLine ToLine(UserSpec user)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["sub"] = Guid.NewGuid().ToString() };
        if (user.Email is not null)
        {
            attributes["email"] = user.Email;
            attributes["email_verified"] = "true";
        }

        if (user.PreferredUsername is not null)
        {
            attributes["preferred_username"] = user.PreferredUsername;
        }

        return new SnapshotLine { Kind = SnapshotLine.UserKind, Username = user.Username, Attributes = attributes, Status = "CONFIRMED", Enabled = true };
    }

    private string Event(string source, string userName, JsonObject request) => new JsonObject
    {
        ["version"] = "1",
        ["triggerSource"] = source,
        ["region"] = "us-east-1",
        ["userPoolId"] = NewPoolId,
        ["userName"] = userName,
        ["callerContext"] = new JsonObject { ["awsSdkVersion"] = "aws-sdk-unknown-unknown", ["clientId"] = "new-client" },
        ["request"] = request,
        ["response"] = new JsonObject(),
    }.ToJsonString();

    public async Task DisposeAsync()
    {
        // The bridge first (it holds the bootstrap), then the servers it talked to.
        foreach (var disposable in new IAsyncDisposable?[] { Bridge, Fake, Dynalite })
        {
            if (disposable is not null)
            {
                await disposable.DisposeAsync();
            }
        }

        Admin?.Dispose();
        if (SnapshotPath.Length > 0)
        {
            Directory.Delete(Path.GetDirectoryName(SnapshotPath)!, recursive: true);
        }
    }
}
