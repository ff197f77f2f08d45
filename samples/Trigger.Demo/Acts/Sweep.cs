using System.Text.Json.Nodes;
using Trigger.Contract;
using Trigger.Demo.Report;
using Trigger.Demo.Seeds;
using Trigger.Migration.Decisions;
using Trigger.Migration.Ports;

namespace Trigger.Demo.Acts;

/// <summary>
/// Act 5: the window closes; the operator runs <c>cognito-migrate sweep</c> (the real command line, in this
/// process) to create the old users who never migrated. Then one of them tries the old password, and asks
/// for a reset code.
/// </summary>
internal static class Sweep
{
    public static async Task RunAsync(DemoContext c, IReadOnlyList<MigratedUser> migrated)
    {
        c.Out.Section("5. After the window: cognito-migrate sweep creates the stragglers");
        var world = c.World;
        var migratedNames = migrated.Select(m => m.NewUser.Username).ToHashSet(StringComparer.Ordinal);
        var work = Directory.CreateTempSubdirectory("demo-sweep-");
        try
        {
            string[] args =
            [
                "sweep", .. DemoCli.PoolArguments(world),
                "--work-dir", work.FullName, "--rate", "20", "--password-rate", "20", "--yes", "--output", "json",
            ];
            c.Out.Note($"$ cognito-migrate sweep --old-pool-id {world.OldPoolId} --new-pool-id {world.NewPoolId} --yes --output json (+ endpoints, regions, work dir)");
            var run = await DemoCli.RunAsync(args, c.CancellationToken);
            var exit = run.ExitCode;
            var unproven = c.Seeds.OldPool.Users.Where(s => Expected(c, s, migratedNames) == Unproven).Select(s => s.Username).ToList();
            var expectedExit = unproven.Count > 0 ? 1 : 0;
            c.Checks.Expect(exit == expectedExit, "cognito-migrate sweep", $"exit code {expectedExit}", $"{exit}: {run.LastErrorLine}");
            if (unproven.Count > 0)
            {
                c.Out.Note($"{string.Join(", ", unproven)} migrated without a verified email or phone: nothing shows the new pool's user of that name is the same person "
                    + "(a stranger could have signed up with it), so the sweep reports it (exit 1) instead of pairing it with the old user's data. "
                    + $"With {TriggerSettingNames.LegacySubAttribute} on the function and --legacy-sub-attribute on the sweep, the old sub proves it.");
            }

            var journal = File.ReadLines(Path.Combine(work.FullName, "journal.jsonl"))
                .Select(line => JsonNode.Parse(line)!)
                .Where(entry => entry["e"]?.GetValue<string>() == "outcome")
                .ToDictionary(entry => entry["user"]!.GetValue<string>(), StringComparer.Ordinal);
            var table = new TextTable("", "old user", "sweep outcome", "new pool now");
            foreach (var seed in c.Seeds.OldPool.Users)
            {
                var entry = journal.GetValueOrDefault(seed.Username);
                var outcome = entry?["outcome"]?.GetValue<string>() ?? "(none)";
                var reason = entry?["reason"]?.GetValue<string>();
                var now = await world.NewUserOrNullAsync(seed.Username, c.CancellationToken);
                var expected = Expected(c, seed, migratedNames);
                var shown = reason is null ? outcome : $"{outcome}: {reason}";
                var ok = expected == Unproven
                    ? c.Checks.Expect(shown == Unproven, $"sweep of '{seed.Username}'", Unproven, shown)
                    : c.Checks.Expect(outcome == expected, $"sweep of '{seed.Username}'", expected, reason is null ? outcome : $"{outcome} ({reason})");
                if (outcome == "created")
                {
                    ok &= c.Checks.Expect(now?.UserStatus == "CONFIRMED", $"swept '{seed.Username}'", "CONFIRMED in the new pool", now?.UserStatus ?? "missing");
                }

                table.Add(Checks.Mark(ok), seed.Username, reason is null ? outcome : $"{outcome}: {reason}", now is null ? "-" : now.UserStatus ?? "?");
            }

            table.Print(c.Out);
            var idMapRows = File.ReadLines(Path.Combine(work.FullName, "id-map.csv")).Count() - 1;
            c.Out.Note($"id-map.csv: {idMapRows} rows (old username, old sub, new username, new sub) for data keyed on sub.");

            var swept = journal.Values.FirstOrDefault(e => e["outcome"]?.GetValue<string>() == "created")?["user"]?.GetValue<string>();
            if (swept is not null && c.Seeds.FindUser(swept) is { } sweptSeed)
            {
                await SweptUserAsync(c, sweptSeed);
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // A migrated user the sweep cannot tell from a stranger holding the name (no verified contact, no legacy sub).
    private const string Unproven = "failed: NameTakenByAnotherUser";

    /// <summary>What the sweep must do with this old user, from the trigger's own rules and the new pool as it is now.</summary>
    private static string Expected(DemoContext c, OldUserSeed seed, HashSet<string> migrated)
    {
        var old = c.OldUsers[seed.Username];
        var asOldUser = new OldUser(seed.Username, old.Attributes, old.UserStatus, old.Enabled, []);
        if (migrated.Contains(seed.Username))
        {
            return asOldUser.HasVerifiedContact ? "already-in-new-pool" : Unproven;
        }

        return MigrationRules.ForForgotPassword(asOldUser) is null ? "created" : "skipped";
    }

    private static async Task SweptUserAsync(DemoContext c, OldUserSeed seed)
    {
        var answer = await c.App.SignInAsync(seed.Username, seed.Password, c.CancellationToken);
        c.Checks.Expect(answer.IsError, $"swept '{seed.Username}' with the old password", "refused (the sweep cannot know it)", answer.Describe());
        var reset = await c.World.NewPool.SendAsync("ForgotPassword", new JsonObject { ["ClientId"] = c.World.NewClient.ClientId, ["Username"] = seed.Username });
        var medium = reset["CodeDeliveryDetails"]?["DeliveryMedium"]?.GetValue<string>();
        c.Checks.Expect(medium is not null, $"swept '{seed.Username}' forgot-password", "a reset code on its way", medium ?? "none");
        c.Out.Note($"'{seed.Username}' tries the old password: {answer.Describe()} (cognito-local's words; Cognito answers NotAuthorizedException). Forgot-password: a code goes by {medium ?? "nothing"} " +
                   "to the verified contact the sweep carried over. Swept users cannot keep their password: that is why the sweep comes after the window.");
    }
}
