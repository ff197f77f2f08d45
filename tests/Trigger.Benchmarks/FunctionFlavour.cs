using System.Text.Json.Nodes;
using Trigger.Testing.Lambda;

namespace Trigger.Benchmarks;

/// <summary>One way to run the same function code: the shipped bootstrap or the plain JIT build.</summary>
/// <param name="Name">Short name for the tables: <c>shipped</c> or <c>jit</c>.</param>
/// <param name="Runtime">How the bridge starts it.</param>
internal sealed record FunctionFlavour(string Name, RuntimeCommand Runtime)
{
    public const string ShippedName = "shipped";

    public const string JitName = "jit";

    /// <summary>
    /// The .NET runtime the flavour runs on: the version a self-contained bootstrap bundles (its
    /// runtimeconfig's <c>includedFrameworks</c>), else the one the <c>dotnet</c> host rolls forward to.
    /// </summary>
    public string RuntimeVersion(string hostRuntime)
    {
        var config = Path.Combine(Runtime.TaskRoot, "bootstrap.runtimeconfig.json");
        var bundled = File.Exists(config)
            ? JsonNode.Parse(File.ReadAllText(config))?["runtimeOptions"]?["includedFrameworks"]?[0]?["version"]?.GetValue<string>()
            : null;
        return bundled is null ? $"{hostRuntime} (shared framework)" : $".NET {bundled} (bundled, self-contained)";
    }
}
