using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.CXAPI;
using Trigger.Infra.Configuration;
using Trigger.Infra.Stacks;
using Trigger.Testing;

namespace Trigger.Infra.Tests;

/// <summary>
/// The app of <see cref="TestMigrations"/>, synthesised once for every template test: starting the
/// jsii runtime and synthesising take seconds. The code asset is a folder with a dummy bootstrap,
/// since the tests look at the template, not the binary.
/// </summary>
public sealed class SynthesizedApp : IDisposable, ISlowFixture
{
    private readonly DirectoryInfo _codeFolder;
    private readonly DirectoryInfo _outFolder;
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);

    public SynthesizedApp()
        : this(TestMigrations.Json, "test.jsonc", syncImageFolder: null)
    {
    }

    /// <summary>Another configuration, for a fixture of its own (<see cref="ScheduledSyncApp"/>).</summary>
    internal SynthesizedApp(string json, string source, string? syncImageFolder)
    {
        _codeFolder = Directory.CreateTempSubdirectory("trigger-infra-code-");
        File.WriteAllText(Path.Combine(_codeFolder.FullName, "bootstrap"), "#!/bin/sh\n");
        _outFolder = Directory.CreateTempSubdirectory("trigger-infra-out-");

        App = new App(new AppProps { Outdir = _outFolder.FullName });
        Stacks = TriggerApp.AddStacks(App, MigrationConfigReader.Read(json, source), _codeFolder.FullName, syncImageFolder: syncImageFolder);
        Assembly = App.Synth();
    }

    internal App App { get; }

    internal IReadOnlyList<Stack> Stacks { get; }

    internal CloudAssembly Assembly { get; }

    internal MigrationStack Migration(string name) =>
        Stacks.OfType<MigrationStack>().Single(s => s.Migration.Name == name);

    internal OldPoolAccessStack OldPoolAccess => Stacks.OfType<OldPoolAccessStack>().Single();

    /// <summary>The assertion view of a stack, built once per stack.</summary>
    internal Template Template(Stack stack)
    {
        lock (_templates)
        {
            if (!_templates.TryGetValue(stack.StackName, out var template))
            {
                template = Amazon.CDK.Assertions.Template.FromStack(stack);
                _templates[stack.StackName] = template;
            }

            return template;
        }
    }

    /// <summary>The synthesised template file, for checks across all resources (wildcards, cycles).</summary>
    internal JsonObject TemplateJson(Stack stack) =>
        JsonNode.Parse(File.ReadAllText(Assembly.GetStackArtifact(stack.ArtifactId).TemplateFullPath))!.AsObject();

    internal string LogicalId(Stack stack, Constructs.IConstruct construct) =>
        stack.GetLogicalId((CfnElement)construct.Node.DefaultChild!);

    public void Dispose()
    {
        _codeFolder.Delete(recursive: true);
        _outFolder.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SynthesizedAppCollection : ICollectionFixture<SynthesizedApp>
{
    public const string Name = "Synthesized app";
}
