using Trigger.Testing.Lambda;

namespace Trigger.IntegrationTests.Testing.Lambda;

// The staleness rule behind FunctionArtifact's reuse of a publish.
public sealed class SourceFingerprintTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fingerprint-").FullName;

    public SourceFingerprintTests()
    {
        Write("src/Trigger.Function/Program.cs", "return 0;");
        Write("src/Trigger.Migration/Rules.cs", "class Rules {}");
        Write("Directory.Build.props", "<Project />");
    }

    [Fact]
    public void Compute_NothingChanged_ReturnsSameFingerprint() =>
        Assert.Equal(SourceFingerprint.Compute(_root), SourceFingerprint.Compute(_root));

    [Fact]
    public void Compute_SourceFileAdded_ChangesFingerprint() =>
        AssertChanges(() => Write("src/Trigger.Migration/New.cs", "class New {}"));

    [Fact]
    public void Compute_SourceFileDeleted_ChangesFingerprint() =>
        AssertChanges(() => File.Delete(Path.Combine(_root, "src/Trigger.Migration/Rules.cs")));

    [Fact]
    public void Compute_SourceFileRestoredWithOlderTime_ChangesFingerprint() =>
        AssertChanges(() => File.SetLastWriteTimeUtc(Path.Combine(_root, "src/Trigger.Function/Program.cs"), new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc)));

    [Fact]
    public void Compute_RootBuildFileEdited_ChangesFingerprint() =>
        AssertChanges(() => Write("Directory.Build.props", "<Project><PropertyGroup /></Project>"));

    [Fact]
    public void Compute_BuildOutputChanged_KeepsFingerprint()
    {
        var before = SourceFingerprint.Compute(_root);

        Write("src/Trigger.Function/bin/Release/bootstrap.dll", "binary");
        Write("src/Trigger.Function/obj/project.assets.json", "{}");

        Assert.Equal(before, SourceFingerprint.Compute(_root));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void AssertChanges(Action change)
    {
        var before = SourceFingerprint.Compute(_root);

        change();

        Assert.NotEqual(before, SourceFingerprint.Compute(_root));
    }

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
