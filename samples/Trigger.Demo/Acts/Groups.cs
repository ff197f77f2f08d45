using System.Globalization;
using System.Text.Json.Nodes;
using Trigger.Demo.App;
using Trigger.Demo.Function;
using Trigger.Demo.Report;
using Trigger.Demo.Seeds;
using Trigger.Demo.World;
using Trigger.Testing.Lambda;

namespace Trigger.Demo.Acts;

/// <summary>
/// Act 6: groups. An old-pool administrator in two groups, one of which the new pool lacks at first, signs in
/// through the trigger: the first ID token already carries the group the new pool has, and the function logs the
/// missing group by name (never the user). <c>cognito-migrate groups</c> copies the definitions (a second run
/// changes nothing), <c>groups --members</c> adds the membership that was missing, and a second sign-in carries
/// both groups without a call to the old pool.
/// <para>
/// It runs in a world of its own (two more emulators, the same published function): there the function is also
/// the new pool's PostAuthentication trigger, as <c>cognito-migrate enable</c> attaches it, so every sign-in invokes
/// it; the acts before show a new pool without that step, where a second sign-in invokes nothing at all.
/// </para>
/// </summary>
internal static class Groups
{
    private const string Admin = "hedy";

    // Demo data for this act only; checked absent from everything printed, like the seed files' passwords.
    private const string AdminPassword = "Hedy-0ld-Pa55!";

    private const string SharedGroup = "admins";
    private const string MissingGroup = "auditors";

    /// <summary>
    /// Starts this act's world (two emulators, the function, the groups) in the background, so that it is ready
    /// by the time the acts before are done; prints nothing. A world that fails to start is stopped again.
    /// </summary>
    public static async Task<LocalMigrationWorld> StartWorldAsync(CancellationToken ct)
    {
        var world = new LocalMigrationWorld { AttachPostAuthentication = true };
        try
        {
            await world.StartOldPoolAsync(OldPool, ct);
            await world.OldPool.CreateGroupAsync(world.OldPoolId, SharedGroup, "Administrators", 1, ct);
            await world.OldPool.CreateGroupAsync(world.OldPoolId, MissingGroup, "Read-only audit access", 5, ct);
            await world.OldPool.AddUserToGroupAsync(world.OldPoolId, Admin, SharedGroup, ct);
            await world.OldPool.AddUserToGroupAsync(world.OldPoolId, Admin, MissingGroup, ct);
            await world.StartFunctionAsync(await FunctionArtifact.GetPublishedAsync(ct), ct);
            await world.StartNewPoolAsync(ct);
            await world.NewPool.CreateGroupAsync(world.NewPoolId, SharedGroup, "Administrators", 1, ct);
            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops a world <see cref="RunAsync"/> never got to (an act before failed); its own failure to start is already reported.</summary>
    public static async Task AbandonAsync(Task<LocalMigrationWorld> starting)
    {
        try
        {
            await (await starting).DisposeAsync();
        }
#pragma warning disable CA1031 // The act did not run; whatever stopped the demo is reported already.
        catch (Exception)
#pragma warning restore CA1031
        {
            // StartWorldAsync stopped what it had started.
        }
    }

    /// <summary>Plays the act in the world <paramref name="starting"/> brings up, then stops it and checks nothing is left.</summary>
    public static async Task RunAsync(DemoContext c, Task<LocalMigrationWorld> starting)
    {
        c.Out.Section("6. Groups: an administrator keeps their groups (PostAuthentication, cognito-migrate groups)");
        var started = TimeProvider.System.GetTimestamp();
        c.Out.Start("  · its own world  ");
        var world = await starting;
        var printed = new List<string>();
        var functionProcesses = new List<int>();
        try
        {
            var log = new FunctionLog(world.Bridge);
            var app = new UserApp(world.NewPool, world.NewClient.ClientId);
            c.Out.Line($"old pool {world.OldPoolId}: '{Admin}' in {SharedGroup} and {MissingGroup}; new pool {world.NewPoolId}: {SharedGroup} only; " +
                       "UserMigration, PreSignUp and PostAuthentication invoke the function (started during the acts before; waited" + Took(started) + ")");

            await FirstSignInAsync(c, app, log);
            printed.Add(await DefinitionsAsync(c, world));
            printed.Add(await MembersAsync(c, world));
            await SecondSignInAsync(c, app, log);
        }
        finally
        {
            if (world.FunctionProcessId is { } function)
            {
                functionProcesses.Add(function);
            }

            await world.DisposeAsync();

            // The acts before run the same published file in their own world, still up: only this world's process counts.
            var left = Leftovers.Find(world, functionProcesses);
            c.Checks.Expect(left.Count == 0, "groups act", "nothing left behind", string.Join(", ", left));
            var everything = string.Join('\n', printed) + world.AllOutput + c.Out.Text;
            c.Checks.Expect(!everything.Contains(AdminPassword, StringComparison.Ordinal), "groups act", "no password in any output", "the password was printed");
        }
    }

    private static OldPoolFile OldPool => new()
    {
        Users =
        [
            new OldUserSeed { Username = Admin, Password = AdminPassword, Email = "hedy@example.com", About = "an administrator" },
        ],
    };

    private static async Task FirstSignInAsync(DemoContext c, UserApp app, FunctionLog log)
    {
        var (answer, groups) = await app.SignInReadingGroupsAsync(Admin, AdminPassword, c.CancellationToken);
        var lines = await log.TakeNewAsync(c.CancellationToken);
        var migration = lines.FirstOrDefault(l => l.TriggerSource.StartsWith("UserMigration", StringComparison.Ordinal));
        var postAuthentication = lines.FirstOrDefault(l => l.TriggerSource.StartsWith("PostAuthentication", StringComparison.Ordinal));
        var missing = postAuthentication is null ? [] : GroupsMissing(postAuthentication);
        var subject = $"first sign-in '{Admin}'";

        var ok = c.Checks.Expect(answer == AppAnswer.SignedIn, subject, "signed in", answer.Describe());
        ok &= c.Checks.Expect(migration?.Outcome == "migrated", subject, "migrated by the trigger", migration?.Describe() ?? "no UserMigration invocation");
        ok &= c.Checks.Expect(groups.SequenceEqual([SharedGroup]), subject, $"the first ID token to carry cognito:groups [{SharedGroup}]", $"[{string.Join(", ", groups)}]");
        ok &= c.Checks.Expect(missing.SequenceEqual([MissingGroup]), subject, $"the function to log the missing group {MissingGroup}", $"[{string.Join(", ", missing)}]");

        // The log says which group, never whose membership: no username, no address, in any line.
        var named = lines.Where(l => l.Raw.Contains(Admin, StringComparison.OrdinalIgnoreCase)).ToList();
        ok &= c.Checks.Expect(named.Count == 0, subject, "no log line naming the user", $"{named.Count} lines");
        Step(c, ok, $"'{Admin}' signs in: migrated, and the first ID token already carries cognito:groups [{string.Join(", ", groups)}]; " +
                    $"the PostAuthentication step logs groupsMissing [{string.Join(", ", missing)}] (the group, never the user), and the sign-in still succeeds");
    }

    private static async Task<string> DefinitionsAsync(DemoContext c, LocalMigrationWorld world)
    {
        string[] args = ["groups", .. DemoCli.PoolArguments(world), "--output", "json"];
        var first = await DemoCli.RunAsync(args, c.CancellationToken);
        var second = await DemoCli.RunAsync(args, c.CancellationToken);
        var created = Names(first, "created");
        var again = Names(second, "created");

        var ok = c.Checks.Expect(first.ExitCode == 0, "cognito-migrate groups", "exit code 0", $"{first.ExitCode}: {first.LastErrorLine}");
        ok &= c.Checks.Expect(created.SequenceEqual([MissingGroup]), "cognito-migrate groups", $"{MissingGroup} created", $"[{string.Join(", ", created)}]");
        ok &= c.Checks.Expect(second.ExitCode == 0 && again.Count == 0, "cognito-migrate groups, again", "nothing created", $"exit {second.ExitCode}, [{string.Join(", ", again)}]");
        Step(c, ok, $"$ cognito-migrate groups: created {string.Join(", ", created)} (same description and precedence); run again: nothing to create");
        return first.Output + second.Output + first.Error + second.Error;
    }

    private static async Task<string> MembersAsync(DemoContext c, LocalMigrationWorld world)
    {
        var run = await DemoCli.RunAsync(["groups", .. DemoCli.PoolArguments(world), "--members", "--output", "json"], c.CancellationToken);
        var added = (JsonNode.Parse(run.Output)?["memberships"]?["added"]?.GetValue<int>()).GetValueOrDefault(-1);
        var now = await world.NewPool.GroupsOfAsync(world.NewPoolId, Admin, c.CancellationToken);

        var ok = c.Checks.Expect(run.ExitCode == 0 && added == 1, "cognito-migrate groups --members", "one membership added", $"exit {run.ExitCode}, {added} added");
        ok &= c.Checks.Expect(now.SequenceEqual([SharedGroup, MissingGroup]), $"'{Admin}' in the new pool", $"in {SharedGroup} and {MissingGroup}", $"in [{string.Join(", ", now)}]");
        Step(c, ok, $"$ cognito-migrate groups --members: {added} membership added ('{Admin}' now in {string.Join(", ", now)}); it repairs what a sign-in could not add");
        return run.Output + run.Error;
    }

    private static async Task SecondSignInAsync(DemoContext c, UserApp app, FunctionLog log)
    {
        var callsBefore = log.OldPoolCalls;
        var (answer, groups) = await app.SignInReadingGroupsAsync(Admin, AdminPassword, c.CancellationToken);
        var lines = await log.TakeNewAsync(c.CancellationToken);
        var oldPoolCalls = log.OldPoolCalls - callsBefore;
        var subject = $"second sign-in '{Admin}'";

        var ok = c.Checks.Expect(answer == AppAnswer.SignedIn, subject, "signed in", answer.Describe());
        ok &= c.Checks.Expect(lines.All(l => l.TriggerSource.StartsWith("PostAuthentication", StringComparison.Ordinal)) && oldPoolCalls == 0, subject,
            "no migration and no old-pool call", $"{string.Join(", ", lines.Select(l => l.TriggerSource))}; {oldPoolCalls} old-pool calls");
        ok &= c.Checks.Expect(groups.SequenceEqual([SharedGroup, MissingGroup]), subject, $"cognito:groups [{SharedGroup}, {MissingGroup}]", $"[{string.Join(", ", groups)}]");
        Step(c, ok, $"'{Admin}' signs in again: cognito:groups [{string.Join(", ", groups)}], {oldPoolCalls} old-pool calls " +
                    "(PostAuthentication runs, finds nothing waiting, calls nobody)");
    }

    private static string Took(long started) =>
        string.Create(CultureInfo.InvariantCulture, $" {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s");

    private static void Step(DemoContext c, bool ok, string text) => c.Out.Note(text, indent: "    ", firstIndent: $"  {Checks.Mark(ok)} ");

    private static IReadOnlyList<string> GroupsMissing(FunctionLogLine line) =>
        [.. (JsonNode.Parse(line.Raw)?["groupsMissing"]?.AsArray() ?? []).Select(n => n?.GetValue<string>() ?? "")];

    private static IReadOnlyList<string> Names(CliRun run, string list)
    {
        try
        {
            return [.. (JsonNode.Parse(run.Output)?[list]?.AsArray() ?? []).Select(g => g?["name"]?.GetValue<string>() ?? "")];
        }
        catch (System.Text.Json.JsonException)
        {
            return [$"(no report: {run.LastErrorLine})"];
        }
    }
}
