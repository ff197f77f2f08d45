using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Trigger.Aws.Cognito;
using Trigger.Cli.Options;
using Trigger.Cli.Commands.Sync;
using Trigger.Testing;
using Trigger.Testing.Decorators;

namespace Trigger.Benchmarks.Sweep;

/// <summary>
/// The sync benchmark: a primary and a standby of N identical users in the fake (served by the child process),
/// every n-th user's given_name changed in the primary, then one pass of <c>sync</c> at the whole UserList
/// quota (30 pages/s) and the whole UserUpdate quota (25/s), on a clock <c>--time-scale</c> times faster.
/// Measures pages/s on each pool and updates/s on the run's clock, and the peak RSS of this process.
/// </summary>
internal static class SyncBenchmarkRun
{
    public static async Task<int> RunAsync(BenchmarkSettings settings)
    {
        var scratch = Directory.CreateTempSubdirectory("sync-bench-");
        using var host = FakeProcess.Start("--quota", "0", "--time-scale", settings.TimeScale.ToString(CultureInfo.InvariantCulture));
        try
        {
            var endpoint = new Uri((await host.StandardOutput.ReadLineAsync())!["ENDPOINT ".Length..]);
            using var admin = new CognitoAdmin(endpoint);
            var primaryId = (await admin.CreatePoolAsync(new PoolSpec("bench-primary"))).Id;
            var standbyId = (await admin.CreatePoolAsync(new PoolSpec("bench-standby"))).Id;
            var seeding = Stopwatch.StartNew();
            await host.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"seed {primaryId} {settings.Users} {settings.ChangedEvery}"));
            await host.StandardOutput.ReadLineAsync();
            await host.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"seed {standbyId} {settings.Users} 0"));
            await host.StandardOutput.ReadLineAsync();
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"bench: two pools of {settings.Users:N0} users seeded in {seeding.Elapsed.TotalSeconds:0.0} s"));

            var time = new ScaledTimeProvider(settings.TimeScale);
            var client = new SyncMeter(BenchmarkRun.CreateClient(endpoint, time), primaryId, time);
            var options = new SyncOptions
            {
                PrimaryUserPoolId = primaryId,
                StandbyUserPoolId = standbyId,
                WorkDirectory = Path.Combine(scratch.FullName, "work"),
                PagesPerSecond = 30,
                StandbyPagesPerSecond = 30,
                ReadsPerSecond = 120,
                CreatesPerSecond = 50,
                UpdatesPerSecond = 25,
                Format = OutputFormat.Json,
            };

            using var sampler = new RssSampler();
            var run = Stopwatch.StartNew();
            using var output = new StringWriter();
            var code = await SyncRunner.RunAsync(options, client, client, output, Console.Error, new StringReader(string.Empty), time);
            run.Stop();
            sampler.Stop();

            var report = JsonNode.Parse(output.ToString())!;
            var expectedUpdates = settings.ChangedEvery > 0 ? ((settings.Users - 1) / settings.ChangedEvery) + 1 : 0;
            var updated = report["counts"]?["updated"]?.GetValue<long>() ?? 0;
            var unchanged = report["unchanged"]?.GetValue<long>() ?? 0;
            await host.StandardInput.WriteLineAsync("sync-stats");
            var stats = await host.StandardOutput.ReadLineAsync();
            var text = new StringBuilder();
            text.AppendLine("| users | time scale | primary pages/s (of 30) | standby pages/s (of 30) | updates/s (of 25) | updated | unchanged | real s | peak RSS MB | exit |");
            text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {settings.Users:N0} | {settings.TimeScale} | {client.Primary.PerSecond:0.0} | {client.Standby.PerSecond:0.0} | {client.Updates.PerSecond:0.0} | {updated:N0} | {unchanged:N0} | {run.Elapsed.TotalSeconds:0} | {RssSampler.PeakRssMb():0} | {code} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"pages: primary {client.Primary.Count:N0}, standby {client.Standby.Count:N0}; fake: {stats}");
            text.Append("RSS MB over the run (real s: MB): ");
            var samples = sampler.Samples;
            var step = Math.Max(1, samples.Count / 12);
            text.AppendJoin(", ", samples.Where((_, i) => i % step == 0 || i == samples.Count - 1).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Seconds:0}: {s.RssMb:0}")));
            Console.WriteLine(text.ToString());
            return code == 0 && updated == expectedUpdates && unchanged == settings.Users - expectedUpdates ? 0 : 1;
        }
        finally
        {
            await host.StandardInput.WriteLineAsync("quit");
            if (!host.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                host.Kill(entireProcessTree: true);
            }

            scratch.Delete(recursive: true);
        }
    }

    /// <summary>Counts ListUsers per pool and AdminUpdateUserAttributes, with the first and last on the run's clock.</summary>
    private sealed class SyncMeter(ICognitoIdentityProvider inner, string primaryId, TimeProvider time) : ForwardingCognito(inner)
    {
        public Rate Primary { get; } = new(time);

        public Rate Standby { get; } = new(time);

        public Rate Updates { get; } = new(time);

        public override async Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken cancellationToken = default)
        {
            var answer = await Inner.ListUsersAsync(request, cancellationToken);
            (request.UserPoolId == primaryId ? Primary : Standby).Tick();
            return answer;
        }

        public override async Task<AdminUpdateUserAttributesResponse> AdminUpdateUserAttributesAsync(AdminUpdateUserAttributesRequest request, CancellationToken cancellationToken = default)
        {
            var answer = await Inner.AdminUpdateUserAttributesAsync(request, cancellationToken);
            Updates.Tick();
            return answer;
        }
    }

    /// <summary>Events per second of the run's clock between the first and the last.</summary>
    private sealed class Rate(TimeProvider time)
    {
        private readonly object _gate = new();
        private DateTimeOffset? _first;
        private DateTimeOffset _last;

        public long Count { get; private set; }

        public double PerSecond
        {
            get
            {
                lock (_gate)
                {
                    var seconds = _first is { } first ? (_last - first).TotalSeconds : 0;
                    return seconds > 0 ? (Count - 1) / seconds : 0;
                }
            }
        }

        public void Tick()
        {
            var now = time.GetUtcNow();
            lock (_gate)
            {
                Count++;
                _first ??= now;
                _last = now;
            }
        }
    }
}
