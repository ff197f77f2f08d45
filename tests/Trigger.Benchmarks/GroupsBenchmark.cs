using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Trigger.Contract;
using Trigger.Testing;
using Trigger.Testing.Lambda;

namespace Trigger.Benchmarks;

/// <summary>
/// The first sign-in's extra cost with groups: the function's own time (its logged <c>durationMs</c>) for a
/// first sign-in without groups (UserMigration alone, <c>MIGRATION_CARRY_GROUPS=false</c>) against one with them
/// (UserMigration + PostAuthentication + PreTokenGeneration, summed), the hand-over in memory and in a dynalite
/// table. The shipped bootstrap behind the runtime API bridge, one environment each, the fake Cognito as both pools
/// (the user in three groups in each). One run; ratios against the run without groups.
/// </summary>
internal static class GroupsBenchmark
{
    private const string Username = "ada";
    private const string Password = "Old-pool-Pa55!";
    private const string Region = "us-east-1";
    private const string Table = "group-handover-benchmark";
    private static readonly string[] _groups = ["admins", "editors", "staff"];
    private static readonly TimeSpan _logWait = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(int invocations, int warmUp, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        var runtime = await FunctionArtifact.GetPublishedAsync(cancellationToken);
        await using var fake = await FakeCognito.StartAsync(new FakeCognitoOptions { Region = Region }, cancellationToken);
        await using var dynalite = await DynaliteServer.StartAsync(cancellationToken);
        using var admin = new CognitoAdmin(fake.Endpoint);
        var oldPoolId = (await admin.CreatePoolAsync(new PoolSpec("old"), cancellationToken)).Id;
        var newPoolId = (await admin.CreatePoolAsync(new PoolSpec("new"), cancellationToken)).Id;
        var client = await admin.CreateAppClientAsync(oldPoolId, new AppClientSpec("trigger"), cancellationToken);
        foreach (var pool in new[] { oldPoolId, newPoolId })
        {
            await admin.CreateUserAsync(pool, new UserSpec(Username, Password) { Email = "ada@example.com", EmailVerified = true }, cancellationToken);
            foreach (var group in _groups)
            {
                await admin.CreateGroupAsync(pool, group, cancellationToken: cancellationToken);
                await admin.AddUserToGroupAsync(pool, Username, group, cancellationToken);
            }
        }

        await CreateTableAsync(dynalite.Endpoint, cancellationToken);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TriggerSettingNames.OldUserPoolId] = oldPoolId,
            [TriggerSettingNames.OldClientId] = client.ClientId,
            [TriggerSettingNames.OldEndpointUrl] = fake.Endpoint.ToString(),
            ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = fake.Endpoint.ToString(),
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynalite.Endpoint.ToString(),
            ["AWS_REGION"] = Region,
            ["AWS_ACCESS_KEY_ID"] = "benchmark",
            ["AWS_SECRET_ACCESS_KEY"] = "benchmark",
        };

        var signIn = Event("UserMigration_Authentication", newPoolId, new JsonObject { ["password"] = Password, ["validationData"] = null, ["clientMetadata"] = null });
        var postAuthentication = Event("PostAuthentication_Authentication", newPoolId, new JsonObject { ["userAttributes"] = new JsonObject { ["sub"] = "s" }, ["newDeviceUsed"] = false, ["clientMetadata"] = null });
        var tokenGeneration = Event("TokenGeneration_Authentication", newPoolId, new JsonObject
        {
            ["userAttributes"] = new JsonObject { ["sub"] = "s" },
            ["groupConfiguration"] = new JsonObject { ["groupsToOverride"] = new JsonArray(), ["iamRolesToOverride"] = new JsonArray(), ["preferredRole"] = null },
            ["clientMetadata"] = null,
        });

        var runs = new List<(string Name, List<double> Samples)>
        {
            ("without groups (UserMigration)", await MeasureAsync(runtime, With(environment, TriggerSettingNames.CarryGroups, "false"), [signIn], invocations, warmUp, progress, cancellationToken)),
            ("with groups, hand-over in memory (3 steps)", await MeasureAsync(runtime, environment, [signIn, postAuthentication, tokenGeneration], invocations, warmUp, progress, cancellationToken)),
            ("with groups, hand-over table (3 steps)", await MeasureAsync(runtime, With(environment, TriggerSettingNames.GroupHandOverTable, Table), [signIn, postAuthentication, tokenGeneration], invocations, warmUp, progress, cancellationToken)),
        };

        var baseline = runs[0].Samples;
        await output.WriteLineAsync($"First sign-in, the function's own time per sign-in (sum of its durationMs over the steps), {invocations} sign-ins after {warmUp} discarded, user in {_groups.Length} groups:");
        await output.WriteLineAsync("| run | median ms | p99 ms | median ratio | p99 ratio |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|");
        foreach (var (name, samples) in runs)
        {
            var median = Percentiles.Median(samples);
            var p99 = Percentiles.Of(samples, 99);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {median:0.00} | {p99:0.00} | {median / Percentiles.Median(baseline):0.00} | {p99 / Percentiles.Of(baseline, 99):0.00} |"));
        }

        return 0;
    }

    private static async Task<List<double>> MeasureAsync(
        RuntimeCommand runtime, Dictionary<string, string> environment, string[] steps, int invocations, int warmUp, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var bridge = await LambdaRuntimeBridge.StartAsync(
            new LambdaRuntimeBridgeOptions { Runtime = runtime, Environment = environment, LogFormat = "JSON", Region = Region, InitTimeout = TimeSpan.FromSeconds(60) },
            cancellationToken);
        for (var i = 0; i < warmUp; i++)
        {
            foreach (var step in steps)
            {
                Ensure(await bridge.InvokeAsync(step, cancellationToken));
            }
        }

        var measured = new List<string[]>(invocations);
        for (var i = 0; i < invocations; i++)
        {
            var ids = new string[steps.Length];
            for (var s = 0; s < steps.Length; s++)
            {
                var invocation = await bridge.InvokeAsync(steps[s], cancellationToken);
                Ensure(invocation);
                ids[s] = invocation.RequestId;
            }

            measured.Add(ids);
        }

        if (bridge.ProcessStarts != 1)
        {
            throw new InvalidOperationException($"The runtime was restarted during the run ({bridge.ProcessStarts} processes).");
        }

        var lines = await FunctionLog.WaitForAsync(bridge, [.. measured.SelectMany(ids => ids)], _logWait, cancellationToken);
        await progress.WriteLineAsync($"groups benchmark: {steps.Length} step(s) x {invocations} measured");
        return [.. measured.Select(ids => ids.Sum(id => lines[id].DurationMs))];
    }

    private static void Ensure(LambdaInvocation invocation)
    {
        if (invocation.IsFunctionError)
        {
            throw new InvalidOperationException($"The function failed: {invocation.ErrorType}.");
        }
    }

    private static Dictionary<string, string> With(Dictionary<string, string> environment, string name, string value) =>
        new(environment, StringComparer.Ordinal) { [name] = value };

    // dynalite checks that a request is signed, not the signature.
    private static async Task CreateTableAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(
                $$"""{"TableName":"{{Table}}","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"k","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"k","AttributeType":"S"}]}""",
                Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810.CreateTable");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20261207T000000Z");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=benchmark/20261207/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0");
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"dynalite refused CreateTable: HTTP {(int)response.StatusCode}.");
        }
    }

    private static string Event(string source, string newPoolId, JsonObject request) => new JsonObject
    {
        ["version"] = "1",
        ["triggerSource"] = source,
        ["region"] = Region,
        ["userPoolId"] = newPoolId,
        ["userName"] = Username,
        ["callerContext"] = new JsonObject { ["awsSdkVersion"] = "aws-sdk-unknown-unknown", ["clientId"] = "new-pool-client" },
        ["request"] = request,
        ["response"] = new JsonObject(),
    }.ToJsonString();
}
