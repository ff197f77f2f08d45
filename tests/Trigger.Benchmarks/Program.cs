using System.CommandLine;
using Trigger.Benchmarks;

// On-demand benchmarks; see docs/BENCHMARKS.md. Progress goes to stderr, the figures to stdout.
var coldStarts = new Option<int>("--cold-starts")
{
    Description = "Measured cold starts per flavour; the flavours alternate to spread machine noise.",
    DefaultValueFactory = _ => 15,
};
var invocations = new Option<int>("--invocations")
{
    Description = "Measured warm invocations per flavour.",
    DefaultValueFactory = _ => 2000,
};
var warmUp = new Option<int>("--warm-up")
{
    Description = "Warm invocations run and discarded before measuring, the cold start among them (at least 1).",
    DefaultValueFactory = _ => 200,
};
var functionEnvironment = new Option<string[]>("--function-env")
{
    Description = "NAME=VALUE added to both flavours' environment, for experiments such as DOTNET_TieredPGO=0. Repeatable; shown in the report.",
};
functionEnvironment.Validators.Add(result =>
{
    foreach (var pair in result.GetValueOrDefault<string[]>() ?? [])
    {
        if (pair.IndexOf('=', StringComparison.Ordinal) < 1)
        {
            result.AddError($"--function-env '{pair}' is not NAME=VALUE.");
            return;
        }
    }
});
AtLeast(coldStarts, 1);
AtLeast(invocations, 1);
AtLeast(warmUp, 1);

var trigger = new Command(
    "trigger",
    "The migration trigger: cold start of the shipped bootstrap against the JIT build, warm overhead per invocation, peak RSS.")
{
    coldStarts,
    invocations,
    warmUp,
    functionEnvironment,
};
trigger.SetAction((parseResult, cancellationToken) => TriggerBenchmark.RunAsync(
    new TriggerBenchmarkSettings(
        parseResult.GetValue(coldStarts),
        parseResult.GetValue(invocations),
        parseResult.GetValue(warmUp),
        [.. (parseResult.GetValue(functionEnvironment) ?? []).Select(pair => pair.Split('=', 2)).Select(parts => KeyValuePair.Create(parts[0], parts[1]))]),
    Console.Out,
    Console.Error,
    cancellationToken));

var memorySizes = new Option<int[]>("--memory-sizes")
{
    Description = "Lambda memory sizes (MB) whose CPU share to imitate with a cgroup v1 CPU quota (root); besides the full CPU.",
    DefaultValueFactory = _ => [1024, 512, 256, 128],
    AllowMultipleArgumentsPerToken = true,
};
var jitMemorySizes = new Option<int[]>("--jit-memory-sizes")
{
    Description = "The memory sizes at which the JIT flavour runs too (it is slow to start at a small share).",
    DefaultValueFactory = _ => [256],
    AllowMultipleArgumentsPerToken = true,
};
var flavours = new Command(
    "flavours",
    "Native AOT (shipped) against composite ReadyToRun against JIT: cold starts at full CPU and at Lambda memory sizes' CPU shares, warm overhead, peak RSS.")
{
    coldStarts,
    invocations,
    warmUp,
    memorySizes,
    jitMemorySizes,
};
flavours.SetAction((parseResult, cancellationToken) => FlavourBenchmark.RunAsync(
    parseResult.GetValue(coldStarts),
    parseResult.GetValue(memorySizes) ?? [],
    parseResult.GetValue(jitMemorySizes) ?? [],
    new TriggerBenchmarkSettings(parseResult.GetValue(coldStarts), parseResult.GetValue(invocations), parseResult.GetValue(warmUp), []),
    Console.Out,
    Console.Error,
    cancellationToken));

var signIns = new Option<int>("--sign-ins") { Description = "Sign-ins to migrate through the emulated arm64 bootstrap.", DefaultValueFactory = _ => 20 };
AtLeast(signIns, 1);
var arm64 = new Command("arm64", "Cross-compiles the linux-arm64 bootstrap and migrates sign-ins through it under qemu-aarch64-static (a check, not a benchmark).")
{
    signIns,
};
arm64.SetAction((parseResult, cancellationToken) => Arm64Check.RunAsync(parseResult.GetValue(signIns), Console.Out, Console.Error, cancellationToken));

var groupSignIns = new Option<int>("--invocations") { Description = "Measured first sign-ins per run.", DefaultValueFactory = _ => 500 };
var groupWarmUp = new Option<int>("--warm-up") { Description = "Sign-ins run and discarded first in each run (at least 1).", DefaultValueFactory = _ => 50 };
AtLeast(groupSignIns, 1);
AtLeast(groupWarmUp, 1);
var groups = new Command("groups", "The first sign-in's extra cost with groups: the function's own time with and without them (UserMigration + PostAuthentication + PreTokenGeneration against UserMigration alone).")
{
    groupSignIns,
    groupWarmUp,
};
groups.SetAction((parseResult, cancellationToken) => GroupsBenchmark.RunAsync(
    parseResult.GetValue(groupSignIns), parseResult.GetValue(groupWarmUp), Console.Out, Console.Error, cancellationToken));

var root = new RootCommand("Benchmarks of the Cognito user-migration function. Figures only: nothing here is a test.") { trigger, flavours, arm64, groups };
return await root.Parse(args).InvokeAsync();

static void AtLeast(Option<int> option, int minimum) => option.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() < minimum)
    {
        result.AddError($"{option.Name} must be at least {minimum}.");
    }
});
