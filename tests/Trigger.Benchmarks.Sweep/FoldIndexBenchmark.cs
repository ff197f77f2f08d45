using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Trigger.Aws;
using Trigger.Aws.DynamoDb;
using Trigger.Cli;
using Trigger.Cli.Hosting;
using Trigger.Cli.Commands.Export;
using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.Benchmarks.Sweep;

/// <summary>
/// The fold index's figures (docs/BENCHMARKS.md, "Fold index"): <c>cognito-migrate index</c> building from a
/// generated snapshot into dynalite, unpaced, in items a second; GetItem latency from .NET; and the look-up's
/// share of the trigger's budget through the published bootstrap: sign-ins of a lowercased mixed-case name
/// (exact look-ups miss, the index answers) against sign-ins of the exact name, alternating.
/// </summary>
internal static class FoldIndexBenchmark
{
    private const string Password = "Old-pool-Pa55!";
    private const string Table = "fold-index-bench";

    public static async Task<int> RunAsync(int users, int invocations, TextWriter output)
    {
        await using var dynalite = await DynaliteServer.StartAsync();
        var directory = Directory.CreateTempSubdirectory("fold-index-bench-").FullName;
        try
        {
            var snapshot = Path.Combine(directory, "old-pool.jsonl");
            await WriteSnapshotAsync(snapshot, users);
            var environment = new Dictionary<string, string> { ["AWS_REGION"] = "us-east-1", ["AWS_ENDPOINT_URL_DYNAMODB"] = dynalite.Endpoint.ToString() };
            using var cliOut = new StringWriter();
            using var cliError = new StringWriter();
            var clock = Stopwatch.StartNew();
            var exit = await CliApp.RunAsync(
                ["index", "--snapshot", snapshot, "--table", Table, "--create-table", "--write-rate", "40000"],
                new CliHost { Out = cliOut, Error = cliError, Environment = new MapEnvironment(environment), Credentials = new BasicAWSCredentials("bench", "bench") });
            var buildSeconds = clock.Elapsed.TotalSeconds;
            var items = users * 2;
            output.WriteLine($"index: exit {exit}, {items} items from {users} users in {buildSeconds:0.0} s = {items / buildSeconds:0} items/s (dynalite, unpaced)");
            output.WriteLine(cliOut.ToString().Trim());

            var index = new DynamoDbFoldedNameIndex(
                Table,
                new AwsClientOptions { Region = "us-east-1", EndpointOverride = dynalite.Endpoint, Credentials = new BasicAWSCredentials("bench", "bench") },
                maxRetries: 0,
                attemptTimeout: TimeSpan.FromSeconds(5));
            var direct = new List<double>();
            for (var i = 0; i < invocations + 50; i++)
            {
                var started = Stopwatch.GetTimestamp();
                _ = await index.FindOwnersAsync($"user{i % users:0000000}", CancellationToken.None);
                if (i >= 50)
                {
                    direct.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            output.WriteLine($"GetItem from .NET: {Describe(direct)}");
            await BootstrapAsync(dynalite, invocations, output);
            return exit is 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task BootstrapAsync(DynaliteServer dynalite, int invocations, TextWriter output)
    {
        await using var fake = await FakeCognito.StartAsync();
        using var admin = new CognitoAdmin(fake.Endpoint);
        var oldPoolId = (await admin.CreatePoolAsync(new PoolSpec("old"))).Id;
        var newPoolId = (await admin.CreatePoolAsync(new PoolSpec("new"))).Id;
        var client = await admin.CreateAppClientAsync(oldPoolId, new AppClientSpec("trigger"));
        await admin.CreateUserAsync(oldPoolId, new UserSpec("User0000001", Password) { Email = "User0000001@Example.com" });
        await using var bridge = await LambdaRuntimeBridge.StartAsync(new LambdaRuntimeBridgeOptions
        {
            Runtime = await FunctionArtifact.GetPublishedAsync(),
            LogFormat = "JSON",
            Environment = new Dictionary<string, string>
            {
                ["MIGRATION_OLD_USER_POOL_ID"] = oldPoolId,
                ["MIGRATION_OLD_CLIENT_ID"] = client.ClientId,
                ["MIGRATION_OLD_ENDPOINT_URL"] = fake.Endpoint.ToString(),
                ["MIGRATION_FOLD_INDEX_TABLE"] = Table,
                ["MIGRATION_ALIAS_ATTRIBUTES"] = "email",
                ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = fake.Endpoint.ToString(),
                ["AWS_ENDPOINT_URL_DYNAMODB"] = dynalite.Endpoint.ToString(),
                ["AWS_REGION"] = "us-east-1",
                ["AWS_ACCESS_KEY_ID"] = "local",
                ["AWS_SECRET_ACCESS_KEY"] = "local",
            },
        });

        var exact = new List<double>();
        var folded = new List<double>();
        for (var i = 0; i < invocations + 50; i++)
        {
            // A username (not an email) so that the exact path is one AdminGetUser and the folded path adds the
            // AdminGetUser miss and the GetItem: the difference is the fallback's cost.
            var exactRun = await bridge.InvokeAsync(SignIn(newPoolId, "User0000001"));
            var foldedRun = await bridge.InvokeAsync(SignIn(newPoolId, "user0000001"));
            if (!foldedRun.Payload.Contains("CONFIRMED", StringComparison.Ordinal) || !exactRun.Payload.Contains("CONFIRMED", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"a sign-in was refused: {foldedRun.Payload} {exactRun.Payload}");
            }

            if (i >= 50)
            {
                exact.Add(exactRun.Duration.TotalMilliseconds);
                folded.Add(foldedRun.Duration.TotalMilliseconds);
            }
        }

        output.WriteLine($"bootstrap, exact name: {Describe(exact)}");
        output.WriteLine($"bootstrap, lowercased name through the index: {Describe(folded)}");
        var extraP99 = Percentile(folded, 0.99) - Percentile(exact, 0.99);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fallback's extra at p99: {extraP99:0.0} ms = {extraP99 / 4600 * 100:0.00}% of the 4.6 s budget (5 s less the 400 ms safety margin)"));
    }

    private static string SignIn(string newPoolId, string userName) => new JsonObject
    {
        ["version"] = "1",
        ["triggerSource"] = "UserMigration_Authentication",
        ["region"] = "us-east-1",
        ["userPoolId"] = newPoolId,
        ["userName"] = userName,
        ["callerContext"] = new JsonObject { ["awsSdkVersion"] = "bench", ["clientId"] = "bench" },
        ["request"] = new JsonObject { ["password"] = Password },
        ["response"] = new JsonObject(),
    }.ToJsonString();

    private static async Task WriteSnapshotAsync(string path, int users)
    {
        await using var file = File.Create(path);
        await file.WriteAsync(SnapshotJson.ToLine(new SnapshotLine { Kind = SnapshotLine.HeaderKind, Format = SnapshotLine.CurrentFormat, UserPoolId = "us-east-1_Bench", Region = "us-east-1" }));
        for (var i = 0; i < users; i++)
        {
            var username = $"User{i:0000000}";
            await file.WriteAsync(SnapshotJson.ToLine(new SnapshotLine
            {
                Kind = SnapshotLine.UserKind,
                Username = username,
                Attributes = new Dictionary<string, string> { ["email"] = $"{username}@Example.com", ["email_verified"] = "true" },
                Status = "CONFIRMED",
                Enabled = true,
            }));
        }

        await file.WriteAsync(SnapshotJson.ToLine(new SnapshotLine { Kind = SnapshotLine.SummaryKind, Users = users }));
    }

    private static string Describe(List<double> samples) => string.Create(
        CultureInfo.InvariantCulture,
        $"n={samples.Count} p50={Percentile(samples, 0.50):0.0} ms p90={Percentile(samples, 0.90):0.0} ms p99={Percentile(samples, 0.99):0.0} ms max={samples.Max():0.0} ms");

    private static double Percentile(List<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private sealed class MapEnvironment(IReadOnlyDictionary<string, string> values) : IEnvironmentVariables
    {
        public string? Get(string name) => values.GetValueOrDefault(name);
    }
}
