using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Trigger.Aws;
using Trigger.Aws.Cognito;
using Trigger.Cli.Options;
using Trigger.Cli.Commands.Sweep;
using Trigger.Testing;

namespace Trigger.Benchmarks.Sweep;

/// <summary>One benchmark run: a generated snapshot swept into a fake pool served by a child process.</summary>
internal static class BenchmarkRun
{
    public static async Task<BenchmarkResult> RunAsync(BenchmarkSettings settings)
    {
        var scratch = Directory.CreateTempSubdirectory("sweep-bench-");
        var snapshot = Path.Combine(scratch.FullName, "old.jsonl");
        var generate = Stopwatch.StartNew();
        SnapshotGenerator.Write(snapshot, settings.Users);
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"bench: snapshot of {settings.Users:N0} users written in {generate.Elapsed.TotalSeconds:0.0} s"));

        using var host = StartFakeHost(settings);
        try
        {
            var endpoint = new Uri((await host.StandardOutput.ReadLineAsync())!["ENDPOINT ".Length..]);
            using var admin = new CognitoAdmin(endpoint);
            var newPoolId = (await admin.CreatePoolAsync(new PoolSpec("bench-new"))).Id;
            var time = new ScaledTimeProvider(settings.TimeScale);
            var client = new MeteredCognito(CreateClient(endpoint, time), time);
            var rate = settings.Rate ?? (settings.Quota > 0 ? settings.Quota : 10_000);
            var options = new SweepOptions
            {
                SnapshotPath = snapshot,

                // A synthetic snapshot with no old pool behind it: nothing to read again (the restore case).
                TrustSnapshot = true,
                NewUserPoolId = newPoolId,
                AssumeYes = true,
                WorkDirectory = Path.Combine(scratch.FullName, "work"),
                CreatesPerSecond = rate,
                PasswordCallsPerSecond = rate,
                ReadsPerSecond = Math.Min(10_000, rate * 3),
                Concurrency = settings.Concurrency,
                Format = OutputFormat.Json,
                ProgressInterval = TimeSpan.FromSeconds(30 * settings.TimeScale),
            };

            using var sampler = new RssSampler();
            var run = Stopwatch.StartNew();
            using var output = new StringWriter();
            var code = await SweepRunner.RunAsync(options, null, client, output, Console.Error, new StringReader(string.Empty), time);
            run.Stop();
            sampler.Stop();

            var report = JsonNode.Parse(output.ToString())!;
            var poolUsers = (await admin.DescribeUserPoolAsync(newPoolId))["EstimatedNumberOfUsers"]!.GetValue<long>();
            await host.StandardInput.WriteLineAsync("stats");
            var stats = await host.StandardOutput.ReadLineAsync();
            var sustainedSeconds = (client.LastCreated - client.FirstCreated)?.TotalSeconds ?? 0;
            return new BenchmarkResult
            {
                Settings = settings,
                Rate = rate,
                ExitCode = code,
                Created = report["counts"]?["created"]?.GetValue<long>() ?? 0,
                Failed = report["counts"]?["failed"]?.GetValue<long>() ?? 0,
                PoolUsers = poolUsers,
                RealSeconds = run.Elapsed.TotalSeconds,
                SustainedPerSecond = sustainedSeconds > 0 ? (client.Created - 1) / sustainedSeconds : 0,
                PeakRssMb = RssSampler.PeakRssMb(),
                RssSamples = sampler.Samples,
                FakeStats = stats ?? string.Empty,
            };
        }
        finally
        {
            await host.StandardInput.WriteLineAsync("quit");
            if (!host.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                host.Kill(entireProcessTree: true);
            }

            if (!settings.Keep)
            {
                scratch.Delete(recursive: true);
            }
        }
    }

    /// <summary>The client the benchmarks call the fake with: the run's clock, retries as in production but on that clock.</summary>
    internal static CognitoIdentityProviderClient CreateClient(Uri endpoint, TimeProvider time) => new(new AwsClientOptions
    {
        Region = "us-east-1",
        EndpointOverride = endpoint,
        Credentials = new BasicAWSCredentials("bench", "bench"),
        TimeProvider = time,
        ResiliencePipeline = AwsResilience.CreatePipeline(
            new AwsResilienceOptions { MaxRetryAttempts = 10, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(5), AttemptTimeout = TimeSpan.FromMinutes(5) },
            time),
    });

    private static Process StartFakeHost(BenchmarkSettings settings) =>
        FakeProcess.Start("--quota", settings.Quota.ToString(CultureInfo.InvariantCulture), "--time-scale", settings.TimeScale.ToString(CultureInfo.InvariantCulture));
}

/// <summary>Starts this program again as the fake's child process ("serve").</summary>
internal static class FakeProcess
{
    public static Process Start(params string[] arguments)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchmarkRun).Assembly.Location);
        }

        start.ArgumentList.Add("serve");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("the fake's process did not start");
    }
}

/// <summary>What one run measured.</summary>
internal sealed record BenchmarkResult
{
    public required BenchmarkSettings Settings { get; init; }

    public double Rate { get; init; }

    public int ExitCode { get; init; }

    public long Created { get; init; }

    public long Failed { get; init; }

    public long PoolUsers { get; init; }

    public double RealSeconds { get; init; }

    /// <summary>Creations per second of the run's clock, between the first and the last creation.</summary>
    public double SustainedPerSecond { get; init; }

    public double PeakRssMb { get; init; }

    public required IReadOnlyList<(double Seconds, double RssMb)> RssSamples { get; init; }

    public required string FakeStats { get; init; }

    /// <summary>
    /// No loss and no duplicate: the sweep succeeded, its report and the fake's pool both count every snapshot
    /// user, and the fake's own counters agree (N creations and N password steps answered, no UsernameExists:
    /// the fake refuses a second creation of a name, so N successes are N distinct users).
    /// </summary>
    public bool Complete =>
        ExitCode == 0 && Created == Settings.Users && PoolUsers == Settings.Users
        && FakeCounter("created") == Settings.Users && FakeCounter("passwordsSet") == Settings.Users && FakeCounter("usernameExists") == 0;

    /// <summary>One counter of the fake's "STATS name=value ..." line; -1 when it is missing.</summary>
    private long FakeCounter(string name)
    {
        foreach (var pair in FakeStats.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == name && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        return -1;
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var allowed = Settings.Quota > 0 ? Math.Min(Rate, Settings.Quota) : Rate;
        text.AppendLine(CultureInfo.InvariantCulture, $"| users | quota/s | time scale | sustained creations/s (run clock) | of allowed | real s | real users/s | peak RSS MB | created | in pool | failed | exit |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {Settings.Users:N0} | {(Settings.Quota > 0 ? Settings.Quota.ToString(CultureInfo.InvariantCulture) : "none")} | {Settings.TimeScale} | {SustainedPerSecond:0.0} | {(Settings.Quota > 0 ? (SustainedPerSecond / allowed).ToString("P1", CultureInfo.InvariantCulture) : "-")} | {RealSeconds:0} | {Created / RealSeconds:0} | {PeakRssMb:0} | {Created:N0} | {PoolUsers:N0} | {Failed} | {ExitCode} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"fake: {FakeStats}");
        text.Append("RSS MB over the run (real s: MB): ");
        var step = Math.Max(1, RssSamples.Count / 12);
        text.AppendJoin(", ", RssSamples.Where((_, i) => i % step == 0 || i == RssSamples.Count - 1).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Seconds:0}: {s.RssMb:0}")));
        return text.ToString();
    }
}
