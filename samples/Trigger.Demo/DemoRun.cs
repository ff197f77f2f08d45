using System.Globalization;
using Trigger.Demo.Acts;
using Trigger.Demo.App;
using Trigger.Demo.Report;
using Trigger.Demo.Seeds;
using Trigger.Demo.World;
using Trigger.Testing;

namespace Trigger.Demo;

/// <summary>The whole demo: set up, six acts, clean up, one summary line. Returns the process exit code.</summary>
internal static class DemoRun
{
    public const int Success = 0;
    public const int ChecksFailed = 1;
    public const int CouldNotRun = 2;
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var output = new Transcript();
        var checks = new Checks();
        output.Line(Paint.Bold("Cognito user-pool migration, on this machine"));
        output.Note("Two cognito-local emulators (the old pool, the new pool) and the real published trigger behind a local Lambda " +
                    "Runtime API, all on 127.0.0.1; no AWS account. Passwords show as (hidden); tokens are never printed.",
            indent: "");

        DemoSeeds seeds;
        try
        {
            seeds = SeedFiles.Load(NodeTools.FindRepositoryRoot());
        }
        catch (Exception e) when (e is SeedFileException or InvalidOperationException)
        {
            output.Line(Paint.Red($"FAILED: {e.Message}"));
            return CouldNotRun;
        }

        string? failure = null;
        var world = new LocalMigrationWorld();
        Task<LocalMigrationWorld>? groupsWorld = null;
        try
        {
            var context = new DemoContext(world, seeds, output, checks, cancellationToken);
            await Setup.RunAsync(context);

            // The groups act's world starts while acts 1 to 5 run: its emulators' start would otherwise add seconds.
            groupsWorld = Groups.StartWorldAsync(cancellationToken);
            var migrated = await FirstSignIns.RunAsync(context);
            ReadBack.Run(context, migrated);
            await SecondSignIns.RunAsync(context, migrated);
            await SignUps.RunAsync(context);
            await Sweep.RunAsync(context, migrated);
            var starting = groupsWorld;
            groupsWorld = null;
            await Groups.RunAsync(context, starting);
            FunctionSummary.Run(context);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            failure = "interrupted";
        }
#pragma warning disable CA1031 // The demo reports any failure in one line and still cleans up; the type and message say what broke.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = $"{e.GetType().Name}: {e.Message}";
        }
        finally
        {
            output.Line();
            output.Start(failure == "interrupted" ? "Interrupted: cleaning up… " : "Cleaning up… ");
            if (groupsWorld is not null)
            {
                await Groups.AbandonAsync(groupsWorld);
            }

            await world.DisposeAsync();
            var left = Leftovers.Find(world);
            checks.Expect(left.Count == 0, "clean-up", "nothing left behind", string.Join(", ", left));
            output.Line(left.Count == 0
                ? "done: no cognito-local or function process left, the emulators' data folders deleted."
                : Paint.Red($"left behind: {string.Join(", ", left)}"));
        }

        // The last check: no password the demo knows appears in anything printed, by the demo, the emulators or the function.
        var printed = output.Text + "\n" + world.AllOutput;
        var leaked = DemoPasswords.All(seeds).Count(password => printed.Contains(password, StringComparison.Ordinal));
        checks.Expect(leaked == 0, "all output", "no password anywhere", $"{leaked} passwords found");

        foreach (var problem in checks.Failures)
        {
            output.Line(Paint.Red($"✗ {problem}"));
        }

        var elapsed = string.Create(CultureInfo.InvariantCulture, $"{TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s");
        if (failure is not null)
        {
            output.Line(Paint.Red(failure == "interrupted"
                ? $"INTERRUPTED after {elapsed}; everything it started is stopped."
                : $"FAILED after {elapsed}: {failure}"));
            return failure == "interrupted" ? Interrupted : CouldNotRun;
        }

        output.Line(checks.Failed == 0
            ? Paint.Green($"PASS  {Summary(seeds, checks)} in {elapsed}")
            : Paint.Red($"FAIL  {checks.Failed} of {checks.Passed + checks.Failed} checks failed (above) in {elapsed}"));
        return checks.Failed == 0 ? Success : ChecksFailed;
    }

    private static string Summary(DemoSeeds seeds, Checks checks)
    {
        var signIns = seeds.Traffic.SignIns;
        var migrated = signIns.Count(s => s.Expect.Function == "migrated");
        var refused = signIns.Count - migrated;
        var signUps = seeds.Traffic.SignUps;
        return $"{migrated} migrated at first sign-in, {refused} refused, second sign-ins without the function, " +
               $"{signUps.Count(s => s.Expect.Function == "refused")} of {signUps.Count} sign-ups refused by the guard, the stragglers swept, an admin's groups carried; {checks.Passed} checks";
    }
}
