using Amazon.CDK;
using Trigger.Infra.Configuration;

namespace Trigger.Infra.Tests;

[Collection(SynthesizedAppCollection.Name)]
public sealed class TriggerAppTests
{
    [Fact]
    public void AddStacks_CodeFolderWithoutBootstrap_FailsNamingThePublishStep()
    {
        var empty = Directory.CreateTempSubdirectory("trigger-infra-empty-");
        try
        {
            var settings = MigrationConfigReader.Read(TestMigrations.Json, "test.jsonc");

            var error = Assert.Throws<MigrationConfigException>(() => TriggerApp.AddStacks(new App(), settings, empty.FullName));

            Assert.Contains($"the function folder {empty.FullName} has no bootstrap", error.Message, StringComparison.Ordinal);
            Assert.Contains("dotnet publish src/Trigger.Function -c Release -o artifacts/function", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
