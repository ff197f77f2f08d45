using Amazon.CDK;
using Trigger.Infra;
using Trigger.Infra.Configuration;

// cdk.json runs this after publishing the function; context keys choose the files (see docs).
var app = new App();
var configFile = app.Node.TryGetContext("migrationConfig") as string ?? TriggerApp.DefaultConfigFile;
var codeFolder = app.Node.TryGetContext("functionCode") as string ?? TriggerApp.DefaultCodeFolder;
try
{
    TriggerApp.AddStacks(app, MigrationConfigReader.ReadFile(configFile), codeFolder);
}
catch (MigrationConfigException e)
{
    await Console.Error.WriteLineAsync($"Trigger.Infra: {e.Message}");
    return 1;
}

app.Synth();
return 0;
