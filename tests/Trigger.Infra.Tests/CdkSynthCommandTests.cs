using System.Text.Json.Nodes;
using Trigger.Infra.Configuration;
using Trigger.Infra.Stacks;
using Trigger.Testing;

namespace Trigger.Infra.Tests;

/// <summary>
/// The README's <c>npx cdk synth</c> in a fresh clone: cdk.json publishes the function and runs the
/// app, with no AWS credentials, no instance metadata and no Docker. Tests the committed HEAD.
/// </summary>
[Slow]
public sealed class CdkSynthCommandTests(FreshClone clone) : IClassFixture<FreshClone>
{
    // Publishing and building from nothing on a busy two-core machine takes a minute or two.
    private static readonly TimeSpan _synthLimit = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task CdkSynth_FreshClone_WritesEveryConfiguredStackWithThePublishedBootstrap()
    {
        var outFolder = Path.Combine(clone.Scratch, "cdk.out");

        var result = await SynthAsync(["-o", outFolder]);

        Assert.True(result.ExitCode == 0, result.Output);
        var settings = MigrationConfigReader.ReadFile(Path.Combine(clone.Path, TriggerApp.DefaultConfigFile));
        var expected = settings.Migrations.Select(m => m.StackName)
            .Concat(settings.Migrations.Select(m => m.OldPool.CrossAccountRole).OfType<CrossAccountRoleSettings>().Select(OldPoolAccessStack.StackNameFor))
            .Distinct(StringComparer.Ordinal);
        foreach (var stackName in expected)
        {
            Assert.True(File.Exists(Path.Combine(outFolder, $"{stackName}.template.json")), $"{stackName} was not synthesised:\n{result.Output}");
        }

        foreach (var migration in settings.Migrations)
        {
            var template = JsonNode.Parse(File.ReadAllText(Path.Combine(outFolder, $"{migration.StackName}.template.json")))!;
            var function = template["Resources"]!.AsObject().Single(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Function").Value!;
            Assert.Equal("provided.al2023", function["Properties"]!["Runtime"]!.GetValue<string>());
            var asset = function["Metadata"]!["aws:asset:path"]!.GetValue<string>();
            Assert.True(File.Exists(Path.Combine(outFolder, asset, "bootstrap")), $"{asset} holds no bootstrap");
        }
    }

    [Fact]
    public async Task CdkSynth_WrongConfigValue_FailsWithOneMessageNamingIt()
    {
        var config = File.ReadAllText(Path.Combine(clone.Path, TriggerApp.DefaultConfigFile));
        var wrong = Path.Combine(clone.Scratch, "wrong.jsonc");
        var firstAccount = config.IndexOf("\"account\": \"", StringComparison.Ordinal) + "\"account\": \"".Length;
        await File.WriteAllTextAsync(wrong, config[..firstAccount] + "12345" + config[(firstAccount + 12)..]);

        var result = await SynthAsync(["-c", $"migrationConfig={wrong}", "-o", Path.Combine(clone.Scratch, "wrong.out")]);

        Assert.NotEqual(0, result.ExitCode);
        var messages = result.Output.Split('\n').Where(line => line.StartsWith("Trigger.Infra:", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"Trigger.Infra: {wrong}: migrations[0].account \"12345\" is not a 12-digit account id"], messages);
    }

    private Task<ChildProcess.Result> SynthAsync(IEnumerable<string> options) =>
        ChildProcess.RunAsync("npx", ["--no", "cdk", "synth", "--quiet", "--no-notices", .. options], clone.Path, _synthLimit,
            new Dictionary<string, string?>
            {
                // A machine with no AWS account: no credentials, no profile, no instance metadata.
                ["AWS_ACCESS_KEY_ID"] = null,
                ["AWS_SECRET_ACCESS_KEY"] = null,
                ["AWS_SESSION_TOKEN"] = null,
                ["AWS_PROFILE"] = null,
                ["AWS_CONFIG_FILE"] = Path.Combine(clone.Scratch, "no-aws-config"),
                ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(clone.Scratch, "no-aws-credentials"),
                ["AWS_EC2_METADATA_DISABLED"] = "true",
                ["CDK_DISABLE_CLI_TELEMETRY"] = "true",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
            });
}
