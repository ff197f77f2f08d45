namespace Trigger.Infra.Tests;

/// <summary>The checkout the tests run from: the nearest folder above the test binaries holding cdk.json.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "cdk.json")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no cdk.json above {AppContext.BaseDirectory}");
    }
}
