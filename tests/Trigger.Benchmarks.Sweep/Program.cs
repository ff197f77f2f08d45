using System.Globalization;
using Trigger.Benchmarks.Sweep;

// See docs/SWEEP.md, "Benchmark":
//   dotnet run -c Release --project tests/Trigger.Benchmarks.Sweep -- --users 1000000 --quota 400 --rate 392   (50/s scaled up 8x)
//   dotnet run -c Release --project tests/Trigger.Benchmarks.Sweep -- --users 200000 --quota 0               (the tool's ceiling)
// and docs/SWEEP.md, "Sync benchmark":
//   dotnet run -c Release --project tests/Trigger.Benchmarks.Sweep -- sync --users 1000000 --changed-every 100 --time-scale 10
//   dotnet run -c Release --project tests/Trigger.Benchmarks.Sweep -- --fold-index [users] [invocations]   (docs/BENCHMARKS.md, "Fold index")
//   dotnet run -c Release --project tests/Trigger.Benchmarks.Sweep -- --groups [users] [clock scale]      (docs/BENCHMARKS.md, "Groups")
if (args.Length > 0 && args[0] == "--fold-index")
{
    return await FoldIndexBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500,
        Console.Out);
}

if (args.Length > 0 && args[0] == "--groups")
{
    return await GroupsBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3_000,
        args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10,
        Console.Out);
}

var settings = BenchmarkSettings.Parse(args);
if (settings.Serve)
{
    return await FakeHost.ServeAsync(settings.TimeScale, settings.Quota > 0
        ? new Dictionary<string, int> { ["AdminCreateUser"] = settings.Quota, ["AdminSetUserPassword"] = settings.Quota }
        : new Dictionary<string, int>());
}

if (settings.Sync)
{
    return await SyncBenchmarkRun.RunAsync(settings);
}

var result = await BenchmarkRun.RunAsync(settings);
Console.WriteLine(result.ToMarkdown());
return result.Complete ? 0 : 1;

/// <summary>Command-line settings of the benchmark.</summary>
internal sealed record BenchmarkSettings
{
    public bool Serve { get; init; }

    public int Users { get; init; } = 100_000;

    /// <summary>The fake's quota for AdminCreateUser and AdminSetUserPassword, per (scaled) second; 0: none.</summary>
    public int Quota { get; init; } = 50;

    /// <summary>The sweep's --rate and --password-rate; default the quota (or 10,000, the most the sweep accepts, without one).</summary>
    public double? Rate { get; init; }

    public double TimeScale { get; init; } = 1;

    public int Concurrency { get; init; } = 32;

    public bool Keep { get; init; }

    /// <summary>Benchmark <c>sync</c> instead of the sweep.</summary>
    public bool Sync { get; init; }

    /// <summary>Sync: every n-th user changed in the primary (0: none).</summary>
    public int ChangedEvery { get; init; } = 100;

    public static BenchmarkSettings Parse(string[] args)
    {
        var settings = new BenchmarkSettings();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            settings = args[i] switch
            {
                "serve" => settings with { Serve = true },
                "sync" => settings with { Sync = true },
                "--changed-every" => settings with { ChangedEvery = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--users" => settings with { Users = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--quota" => settings with { Quota = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--rate" => settings with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--time-scale" => settings with { TimeScale = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--concurrency" => settings with { Concurrency = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--keep" => settings with { Keep = true },
                var other => throw new ArgumentException($"unknown argument '{other}'"),
            };
        }

        return settings;
    }
}
