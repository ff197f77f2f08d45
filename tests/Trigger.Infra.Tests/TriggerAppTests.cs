using Amazon.CDK;
using Trigger.Infra.Configuration;
using Trigger.Testing;

namespace Trigger.Infra.Tests;

[Slow]
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

    [Fact]
    public void AddStacks_Arm64StackWithX8664Bootstrap_FailsNamingTheArchitecture()
    {
        var folder = Directory.CreateTempSubdirectory("trigger-infra-x64-");
        try
        {
            // An ELF header whose e_machine (offset 18) says x86-64; the test configuration asks arm64 for its DR stack.
            var header = new byte[64];
            header[0] = 0x7F;
            header[1] = (byte)'E';
            header[2] = (byte)'L';
            header[3] = (byte)'F';
            header[18] = 0x3E;
            File.WriteAllBytes(Path.Combine(folder.FullName, "bootstrap"), header);
            var settings = MigrationConfigReader.Read(TestMigrations.Json, "test.jsonc");

            var error = Assert.Throws<MigrationConfigException>(() => TriggerApp.AddStacks(new App(), settings, folder.FullName));

            Assert.Contains("architecture is arm64 but", error.Message, StringComparison.Ordinal);
            Assert.Contains("built for x86_64", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void AddStacks_Arm64AndX8664Migrations_EachTakesTheBootstrapOfItsArchitecture()
    {
        var x64 = Directory.CreateTempSubdirectory("trigger-infra-x64-");
        var arm64 = Directory.CreateTempSubdirectory("trigger-infra-arm64-");
        try
        {
            File.WriteAllBytes(Path.Combine(x64.FullName, "bootstrap"), ElfHeader(0x3E));
            File.WriteAllBytes(Path.Combine(arm64.FullName, "bootstrap"), ElfHeader(0xB7));
            var settings = MigrationConfigReader.Read(TestMigrations.Json, "test.jsonc");

            var stacks = TriggerApp.AddStacks(new App(), settings, x64.FullName, arm64.FullName);

            Assert.Contains(settings.Migrations, m => m.Architecture == FunctionArchitecture.Arm64);
            Assert.Contains(settings.Migrations, m => m.Architecture == FunctionArchitecture.X86_64);
            Assert.NotEmpty(stacks);
        }
        finally
        {
            x64.Delete(recursive: true);
            arm64.Delete(recursive: true);
        }
    }

    // An ELF header with e_machine (offset 18) set: 0x3E x86-64, 0xB7 AArch64.
    private static byte[] ElfHeader(byte machine)
    {
        var header = new byte[64];
        header[0] = 0x7F;
        header[1] = (byte)'E';
        header[2] = (byte)'L';
        header[3] = (byte)'F';
        header[18] = machine;
        return header;
    }
}
