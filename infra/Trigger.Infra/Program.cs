using System.Diagnostics;
using Amazon.CDK;
using Trigger.Infra;
using Trigger.Infra.Configuration;

// cdk.json runs this after publishing the function for x86_64; context keys choose the files (see docs).
var app = new App();
var configFile = app.Node.TryGetContext("migrationConfig") as string ?? TriggerApp.DefaultConfigFile;
var codeFolder = app.Node.TryGetContext("functionCode") as string ?? TriggerApp.DefaultCodeFolder;
var arm64CodeFolder = app.Node.TryGetContext("functionCodeArm64") as string;
var syncImageFolder = app.Node.TryGetContext("syncImage") as string;
try
{
    var settings = MigrationConfigReader.ReadFile(configFile);
    if (arm64CodeFolder is null && settings.Migrations.Any(m => m.Architecture == FunctionArchitecture.Arm64))
    {
        // Only when a migration asks for Graviton: the arm64 bootstrap is cross-compiled (Native AOT
        // needs clang, lld and the arm64 libc; the publish names the packages when they are missing).
        arm64CodeFolder = TriggerApp.DefaultArm64CodeFolder;
        if (await PublishArm64Async(arm64CodeFolder) is not 0)
        {
            await Console.Error.WriteLineAsync(
                $"Trigger.Infra: publishing the arm64 function failed (see above); fix it, or publish elsewhere and pass -c functionCodeArm64=<folder>");
            return 1;
        }
    }

    TriggerApp.AddStacks(app, settings, codeFolder, arm64CodeFolder, syncImageFolder);
}
catch (MigrationConfigException e)
{
    await Console.Error.WriteLineAsync($"Trigger.Infra: {e.Message}");
    return 1;
}

app.Synth();
return 0;

static async Task<int> PublishArm64Async(string output)
{
    var publish = new ProcessStartInfo("dotnet") { UseShellExecute = false };
    foreach (var argument in new[] { "publish", "src/Trigger.Function", "-c", "Release", "-r", "linux-arm64", "-o", output, "--nologo", "-v", "q" })
    {
        publish.ArgumentList.Add(argument);
    }

    // Its output goes to our stderr: CDK reads the app's stdout only for the synthesized assembly's location.
    publish.RedirectStandardOutput = true;
    using var process = Process.Start(publish)!;
    var relay = Task.Run(async () =>
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            await Console.Error.WriteLineAsync(line);
        }
    });
    await process.WaitForExitAsync();
    await relay;
    return process.ExitCode;
}
