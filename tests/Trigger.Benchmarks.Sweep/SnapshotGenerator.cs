using System.Globalization;
using System.Text;

namespace Trigger.Benchmarks.Sweep;

/// <summary>Writes a snapshot of <c>users</c> CONFIRMED old users with a verified email, streamed.</summary>
internal static class SnapshotGenerator
{
    public static void Write(string path, int users)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        writer.WriteLine("""{"kind":"snapshot","format":1,"userPoolId":"us-east-1_benchOld"}""");
        for (var i = 0; i < users; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"user{i:0000000}");
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $$"""{"kind":"user","username":"{{name}}","attributes":{"sub":"00000000-0000-4000-8000-{{i:000000000000}}","email":"{{name}}@example.com","email_verified":"true","given_name":"Given {{i}}"},"status":"CONFIRMED","enabled":true}"""));
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""{"kind":"summary","users":{{users}}}"""));
    }
}
