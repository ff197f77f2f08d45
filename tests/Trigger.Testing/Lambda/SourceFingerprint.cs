using System.Security.Cryptography;
using System.Text;

namespace Trigger.Testing.Lambda;

/// <summary>
/// A fingerprint of everything a function build reads: every file under <c>src/</c> (bin and obj
/// excluded) plus the root build files, as relative path, length and last write time.
/// </summary>
/// <remarks>
/// Chosen over "newest write time under src/": that misses a deleted or renamed file and a file put
/// back with an older time (a checkout of an older commit, a restored backup). The fingerprint sees
/// all of them and still costs only a directory walk, no file contents read; asking MSBuild instead
/// would cost a restore and an evaluation (many seconds on a shared machine) for every test run.
/// </remarks>
internal static class SourceFingerprint
{
    private static readonly string[] _rootInputs =
    [
        "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json",
        ".editorconfig", "NuGet.config", "nuget.config",
    ];

    private static readonly HashSet<string> _skippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj" };

    /// <summary>Computes the fingerprint of the build inputs under <paramref name="repositoryRoot"/>.</summary>
    public static string Compute(string repositoryRoot)
    {
        var entries = new List<string>();
        foreach (var file in InputFiles(repositoryRoot))
        {
            var info = new FileInfo(file);
            var relative = Path.GetRelativePath(repositoryRoot, file).Replace('\\', '/');
            entries.Add($"{relative}|{info.Length}|{info.LastWriteTimeUtc.Ticks}");
        }

        entries.Sort(StringComparer.Ordinal);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', entries)));
        return Convert.ToHexStringLower(bytes);
    }

    private static IEnumerable<string> InputFiles(string repositoryRoot)
    {
        foreach (var name in _rootInputs)
        {
            var path = Path.Combine(repositoryRoot, name);
            if (File.Exists(path))
            {
                yield return path;
            }
        }

        var src = Path.Combine(repositoryRoot, "src");
        if (!Directory.Exists(src))
        {
            yield break;
        }

        var folders = new Stack<string>();
        folders.Push(src);
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                yield return file;
            }

            foreach (var child in Directory.EnumerateDirectories(folder))
            {
                if (!_skippedFolders.Contains(Path.GetFileName(child)))
                {
                    folders.Push(child);
                }
            }
        }
    }
}
