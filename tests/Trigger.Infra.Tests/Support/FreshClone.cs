using Trigger.Testing;

namespace Trigger.Infra.Tests;

/// <summary>
/// A fresh clone of the checkout's committed HEAD in a temporary folder: no artifacts, no bin or
/// obj, no cdk.out. The Node tools are the root's, installed by <c>npm ci</c> from the lock file
/// (through the test world's file-locked install if missing), and linked in so the test needs no registry.
/// </summary>
public sealed class FreshClone : IAsyncLifetime, ISlowFixture
{
    private static readonly TimeSpan _setupLimit = TimeSpan.FromMinutes(5);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("trigger-infra-clone-");

    public string Path => System.IO.Path.Combine(_folder.FullName, "repo");

    public string Scratch => _folder.FullName;

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Path;
        var nodeModules = System.IO.Path.Combine(root, "node_modules");

        // The same guarded install the integration tests use: test assemblies run in parallel, and two
        // concurrent `npm ci` in one folder would delete each other's work.
        await Trigger.Testing.NodeTools.EnsureNodeModulesAsync();

        Succeeded(await ChildProcess.RunAsync("git", ["clone", "--quiet", root, Path], _folder.FullName, _setupLimit), "git clone (the test needs a git checkout)");
        Directory.CreateSymbolicLink(System.IO.Path.Combine(Path, "node_modules"), nodeModules);
    }

    public Task DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private static void Succeeded(ChildProcess.Result result, string step)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{step} failed ({result.ExitCode}):\n{result.Output}");
        }
    }
}
