using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Trigger.Cli.Commands.Export;
using Trigger.Cli.Commands.Groups;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Files;
using Trigger.Cli.Options;
using Trigger.Testing;

namespace Trigger.Benchmarks.Sweep;

/// <summary>
/// What groups cost the export and the sweep (docs/SWEEP.md and docs/BENCHMARKS.md, "Groups"): the same old pool
/// exported, then swept, without and with groups, in one run, on a FakeCognito enforcing the production quotas of the
/// calls involved, on a scaled clock (the paces and the quotas alike, so the ratios are those of real time). Also the
/// memory of the export's membership index per million memberships.
/// </summary>
internal static class GroupsBenchmark
{
    private static readonly string[] _groupNames = ["admins", "editors", "support", "billing", "beta"];

    public static async Task<int> RunAsync(int users, double scale, TextWriter output)
    {
        var time = new ScaledTimeProvider(scale);
        await using var fake = await FakeCognito.StartAsync(new FakeCognitoOptions { TimeProvider = time, KeepCallLog = false });

        using var admin = new CognitoAdmin(fake.Endpoint);
        var oldPool = (await admin.CreatePoolAsync(new PoolSpec("bench-old"))).Id;
        fake.SeedUsers(oldPool, Enumerable.Range(0, users).Select(i => (
            Name(i),
            (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["email"] = Name(i) + "@example.com", ["email_verified"] = "true" })));
        foreach (var group in _groupNames)
        {
            await admin.CreateGroupAsync(oldPool, group);
        }

        long memberships = 0;
        for (var i = 0; i < users; i++)
        {
            foreach (var group in GroupsOf(i))
            {
                await admin.AddUserToGroupAsync(oldPool, Name(i), group);
                memberships++;
            }
        }

        // The quotas of the calls the two commands make (Cognito quotas page, per account and region), once seeded.
        foreach (var (operation, perSecond) in new[]
        {
            ("ListUsers", 30), ("ListUsersInGroup", 30), ("ListGroups", 20), ("AdminCreateUser", 50), ("AdminSetUserPassword", 25),
            ("AdminGetUser", 120), ("AdminListGroupsForUser", 50), ("AdminAddUserToGroup", 25),
        })
        {
            fake.Faults.SetQuota(operation, perSecond);
        }

        var client = BenchmarkRun.CreateClient(fake.Endpoint, time);
        var scratch = Directory.CreateTempSubdirectory("groups-bench-");
        try
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"groups benchmark: {users:N0} old users, {memberships:N0} memberships in {_groupNames.Length} groups, clock x{scale}"));
            var rates = new List<double>(); // users/s: export without, export with, sweep without, sweep with
            var exports = new Dictionary<bool, string>();

            // The first export pays for the JIT and the connections: run once unmeasured, so neither measured run does.
            await ExportRunner.RunAsync(
                new ExportOptions { OldUserPoolId = oldPool, OutputPath = Path.Combine(scratch.FullName, "warm-up.jsonl"), PagesPerSecond = 30, Format = OutputFormat.Json },
                client, TextWriter.Null, TextWriter.Null, time, DurableFiles.Instance, CancellationToken.None);
            foreach (var groups in new[] { false, true })
            {
                var path = Path.Combine(scratch.FullName, groups ? "with.jsonl" : "without.jsonl");
                var pagesBefore = fake.Answered("ListUsers") + fake.Answered("ListUsersInGroup") + fake.Answered("ListGroups");
                var clock = Stopwatch.StartNew();
                using var exportOut = new StringWriter();
                var exit = await ExportRunner.RunAsync(
                    new ExportOptions { OldUserPoolId = oldPool, OutputPath = path, PagesPerSecond = 30, Groups = groups, Format = OutputFormat.Json, ProgressInterval = TimeSpan.FromHours(1) },
                    client, exportOut, TextWriter.Null, time, DurableFiles.Instance, CancellationToken.None);
                var seconds = clock.Elapsed.TotalSeconds * scale;
                if (exit != 0)
                {
                    throw new InvalidOperationException($"export exited {exit}: {exportOut}");
                }

                exports[groups] = path;
                var pages = fake.Answered("ListUsers") + fake.Answered("ListUsersInGroup") + fake.Answered("ListGroups") - pagesBefore;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"export {(groups ? "with" : "without")} groups: {users / seconds:0.0} users/s ({seconds:0.0} s of quota time, {pages} UserList pages at 30/s)"));
                rates.Add(users / seconds);
            }

            foreach (var groups in new[] { false, true })
            {
                var newPool = (await admin.CreatePoolAsync(new PoolSpec(groups ? "bench-new-groups" : "bench-new"))).Id;
                foreach (var group in _groupNames)
                {
                    await admin.CreateGroupAsync(newPool, group);
                }

                var addsBefore = fake.Answered("AdminAddUserToGroup");
                var clock = Stopwatch.StartNew();
                using var sweepOut = new StringWriter();
                var exit = await SweepRunner.RunAsync(
                    new SweepOptions
                    {
                        SnapshotPath = exports[groups],
                        NewUserPoolId = newPool,
                        AssumeYes = true,
                        WorkDirectory = Path.Combine(scratch.FullName, groups ? "work-with" : "work-without"),
                        // Four fifths of each quota, the headroom an operator leaves for live traffic.
                        CreatesPerSecond = 40,
                        PasswordCallsPerSecond = 20,
                        ReadsPerSecond = 96,
                        GroupAddsPerSecond = 20,
                        Concurrency = 32,
                        Format = OutputFormat.Json,
                        ProgressInterval = TimeSpan.FromHours(1),
                    },
                    client,
                    client,
                    sweepOut,
                    TextWriter.Null,
                    new StringReader(string.Empty),
                    time);
                var seconds = clock.Elapsed.TotalSeconds * scale;
                var report = JsonNode.Parse(sweepOut.ToString())!;
                if (exit != 0)
                {
                    throw new InvalidOperationException($"sweep exited {exit}: {sweepOut}");
                }

                var added = fake.Answered("AdminAddUserToGroup") - addsBefore;
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"sweep {(groups ? "with" : "without")} groups: {users / seconds:0.0} users/s ({seconds:0.0} s of quota time; {report["counts"]!["created"]} created, {added} AdminAddUserToGroup, report: {report["memberships"]?["added"]} added)"));
                rates.Add(users / seconds);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratios (with / without groups): export {rates[1] / rates[0]:0.00}, sweep {rates[3] / rates[2]:0.00}"));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }

        MeasureIndexMemory(1_000_000, 1, output);
        MeasureIndexMemory(500_000, 2, output);
        return 0;
    }

    // The export's in-memory index: bytes per membership, users named as the generator names them.
    private static void MeasureIndexMemory(int users, int groupsEach, TextWriter output)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var index = MembershipIndex.Empty();
        foreach (var group in _groupNames.Take(groupsEach))
        {
            for (var i = 0; i < users; i++)
            {
                // A fresh string per member, as ListUsersInGroup's answers give them; the index keeps a user's first.
                index.Add(Name(i), group);
            }
        }

        var bytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(index);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"membership index: {users:N0} users x {groupsEach} group(s): {bytes / 1e6:0} MB, {bytes / (double)(users * groupsEach):0} bytes a membership, usernames of 11 characters included"));
    }

    private static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"user{i:0000000}");

    // A third in no group, a third in one, a third in two: one membership a user on average.
    private static IEnumerable<string> GroupsOf(int i) => (i % 3) switch
    {
        0 => [],
        1 => [_groupNames[i % _groupNames.Length]],
        _ => [_groupNames[0], _groupNames[1 + (i % (_groupNames.Length - 1))]],
    };
}
