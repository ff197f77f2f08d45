using System.Text.Json;
using System.Text.Json.Nodes;
using Trigger.Aws.Cognito;
using Trigger.Cli.Options;
using Trigger.Cli.Commands.Sync;
using Trigger.Cli.Exits;
using Trigger.Cli.Tests.Commands.Sweep.Support;

namespace Trigger.Cli.Tests.Commands.Sync;

/// <summary>Runs <c>sync</c> in-process from the fake's old pool (the primary) into its new pool (the standby), and reads its report.</summary>
internal static class SyncRuns
{
    public static SyncOptions SyncSettings(this FakePools pools, Func<SyncOptions, SyncOptions>? adjust = null)
    {
        var options = new SyncOptions
        {
            PrimaryUserPoolId = pools.OldPoolId,
            StandbyUserPoolId = pools.NewPoolId,
            WorkDirectory = Path.Combine(pools.Scratch.FullName, "sync"),
            PagesPerSecond = 30,
            StandbyPagesPerSecond = 30,
            ReadsPerSecond = 2000,
            CreatesPerSecond = 2000,
            UpdatesPerSecond = 25,
            Format = OutputFormat.Json,
        };
        return adjust is null ? options : adjust(options);
    }

    public static async Task<RunResult> SyncAsync(
        this FakePools pools, SyncOptions options, ICognitoIdentityProvider? client = null, string input = "", CancellationToken cancellationToken = default) =>
        await RunAsync(options, client ?? pools.Client, client ?? pools.Client, input, cancellationToken);

    public static async Task<RunResult> RunAsync(
        SyncOptions options, ICognitoIdentityProvider primary, ICognitoIdentityProvider standby, string input = "", CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        using var messages = new StringWriter();
        try
        {
            var code = await SyncRunner.RunAsync(options, primary, standby, output, messages, new StringReader(input), TimeProvider.System, cancellationToken);
            return new RunResult(code, output.ToString(), messages.ToString());
        }
        catch (SimulatedCrashException)
        {
            return new RunResult(FakePools.Killed, output.ToString(), messages.ToString());
        }
        catch (CliFailure failure)
        {
            return new RunResult(await failure.ReportAsync(messages), output.ToString(), messages.ToString());
        }
    }

    /// <summary>The JSON report a run printed.</summary>
    public static JsonObject Report(this RunResult run) =>
        JsonNode.Parse(run.Output)?.AsObject() ?? throw new JsonException($"no report in: {run.Output} {run.Messages}");

    /// <summary>The report's count of <paramref name="kind"/> (0 when absent).</summary>
    public static long Count(this RunResult run, string kind) =>
        run.Report()["counts"]?[kind]?.GetValue<long>() ?? 0;

    public static Task SetPrimaryAttributesAsync(this FakePools pools, string username, params (string Name, string Value)[] attributes) =>
        pools.Admin.SendAsync("AdminUpdateUserAttributes", new JsonObject
        {
            ["UserPoolId"] = pools.OldPoolId,
            ["Username"] = username,
            ["UserAttributes"] = new JsonArray([.. attributes.Select(a => (JsonNode)new JsonObject { ["Name"] = a.Name, ["Value"] = a.Value })]),
        });

    public static Task PrimaryAsync(this FakePools pools, string operation, string username) =>
        pools.Admin.SendAsync(operation, new JsonObject { ["UserPoolId"] = pools.OldPoolId, ["Username"] = username });
}
