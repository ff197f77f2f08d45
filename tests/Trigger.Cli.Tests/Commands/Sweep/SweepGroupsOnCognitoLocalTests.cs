using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Trigger.Aws.Cognito;
using Trigger.Cli.Commands.Export;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Files;
using Trigger.Cli.Options;
using Trigger.Cli.Tests.Commands.Sweep.Support;
using Trigger.Cli.Tests.Support;
using Trigger.Testing;
using Trigger.Testing.Decorators;

namespace Trigger.Cli.Tests.Commands.Sweep;

/// <summary>Export with groups, then a sweep killed while it adds memberships and run again, against a live cognito-local.</summary>
[Slow]
[Collection(CognitoLocalCollection.Name)]
public sealed class SweepGroupsOnCognitoLocalTests(CognitoLocalFixture world)
{
    private const int Users = 12;

    [Fact]
    public async Task Sweep_KilledWhileAddingMembershipsThenRerun_EveryMembershipThereEachAddedOnce()
    {
        var pair = await TestPools.CreatePairAsync(world.Admin);
        foreach (var group in new[] { "admins", "editors" })
        {
            await world.Admin.CreateGroupAsync(pair.OldPoolId, group);
            await world.Admin.CreateGroupAsync(pair.NewPoolId, group);
        }

        for (var i = 0; i < Users; i++)
        {
            await world.Admin.CreateUserAsync(pair.OldPoolId, new UserSpec(Name(i), TestPools.Password) { Email = $"{Name(i)}@example.com" });
            foreach (var group in GroupsOf(i))
            {
                await world.Admin.AddUserToGroupAsync(pair.OldPoolId, Name(i), group);
            }
        }

        // u05 (admins, editors) was migrated by the trigger with admins only.
        await world.Admin.CreateUserAsync(pair.NewPoolId, new UserSpec("u05", TestPools.Password) { Email = "u05@example.com" });
        await world.Admin.AddUserToGroupAsync(pair.NewPoolId, "u05", "admins");
        var scratch = Directory.CreateTempSubdirectory("cli2-groups-local-");
        try
        {
            var snapshot = Path.Combine(scratch.FullName, "old.jsonl");
            var counting = new CountingAdds(FakePools.CreateClient(world.Endpoint));
            var export = await ExportRunner.RunAsync(
                new ExportOptions { OldUserPoolId = pair.OldPoolId, OutputPath = snapshot, PagesPerSecond = 30 },
                counting,
                TextWriter.Null,
                TextWriter.Null,
                TimeProvider.System,
                DurableFiles.Instance,
                CancellationToken.None);
            Assert.Equal(0, export);
            var options = new SweepOptions
            {
                SnapshotPath = snapshot,
                NewUserPoolId = pair.NewPoolId,
                AssumeYes = true,
                WorkDirectory = Path.Combine(scratch.FullName, "work"),
                CreatesPerSecond = 1000,
                PasswordCallsPerSecond = 1000,
                ReadsPerSecond = 1000,
                GroupAddsPerSecond = 25,
                Concurrency = 4,
                Format = OutputFormat.Json,
                ProgressInterval = TimeSpan.FromHours(1),
            };
            var crash = new CrashSwitch();

            // One user at a time until the kill, so no other call is abandoned in flight (one cognito-local may carry out
            // unanswered); the rerun runs four at a time.
            var first = await SweepAsync(
                options with { Concurrency = 1 }, new CrashingCognito(counting, crash, afterAddToGroup: 4), new SweepSeams { Files = new FaultyFiles((_, _) => false, crash) });
            var second = await SweepAsync(options, counting, new SweepSeams());

            Assert.True(crash.Tripped, first);
            Assert.True(second.StartsWith('{'), second);
            for (var i = 0; i < Users; i++)
            {
                var answer = await world.Admin.SendAsync("AdminListGroupsForUser", new JsonObject { ["UserPoolId"] = pair.NewPoolId, ["Username"] = Name(i) });
                Assert.Equal(GroupsOf(i).Order(StringComparer.Ordinal), answer["Groups"]!.AsArray().Select(g => g!["GroupName"]!.GetValue<string>()).Order(StringComparer.Ordinal));
            }

            var expected = Enumerable.Range(0, Users).SelectMany(i => GroupsOf(i).Select(g => $"{Name(i)}/{g}")).Where(m => m != "u05/admins").Order(StringComparer.Ordinal);
            Assert.Equal(expected, counting.Adds.Keys.Order(StringComparer.Ordinal));
            Assert.All(counting.Adds, a => Assert.True(a.Value == 1, $"{a.Key} was added {a.Value} times"));
            var memberships = JsonNode.Parse(second)!["memberships"]!;
            Assert.Equal(expected.Count() + 1, memberships["added"]!.GetValue<long>() + memberships["alreadyPresent"]!.GetValue<long>());
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static string Name(int i) => $"u{i:00}";

    private static string[] GroupsOf(int i) => (i % 3) switch { 0 => [], 1 => ["admins"], _ => ["admins", "editors"] };

    // The report on success, the messages otherwise (the killed run's).
    private static async Task<string> SweepAsync(SweepOptions options, ICognitoIdentityProvider client, SweepSeams seams)
    {
        using var output = new StringWriter();
        using var messages = new StringWriter();
        try
        {
            var code = await SweepRunner.RunAsync(options, client, client, output, messages, new StringReader(string.Empty), TimeProvider.System, seams, CancellationToken.None);
            return code == 0 ? output.ToString() : $"exit {code}: {messages}{output}";
        }
        catch (SimulatedCrashException)
        {
            return "killed: " + messages;
        }
    }

    /// <summary>Counts the AdminAddUserToGroup calls cognito-local answered, per "user/group".</summary>
    private sealed class CountingAdds(ICognitoIdentityProvider inner) : ForwardingCognito(inner)
    {
        public ConcurrentDictionary<string, int> Adds { get; } = new(StringComparer.Ordinal);

        public override async Task<AdminAddUserToGroupResponse> AdminAddUserToGroupAsync(AdminAddUserToGroupRequest request, CancellationToken cancellationToken = default)
        {
            var answer = await Inner.AdminAddUserToGroupAsync(request, cancellationToken);
            Adds.AddOrUpdate($"{request.Username}/{request.GroupName}", 1, (_, n) => n + 1);
            return answer;
        }
    }
}
