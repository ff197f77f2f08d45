using Trigger.Cli.Hosting;
using Trigger.Cli.Tests.Support;
using Trigger.Testing;

namespace Trigger.Cli.Tests.Usage;

/// <summary>
/// Input the parser accepts but the command refuses (a pool that does not exist, a snapshot that is not there):
/// whichever command it is, the failure reaches the operator once, as one line on stderr from the tool's top,
/// with its exit code and no secret.
/// </summary>
public sealed class OneErrorLineTests(FakeCognitoFixture world) : IClassFixture<FakeCognitoFixture>, IDisposable
{
    private const string OldPool = "eu-west-1_Nowhere1";
    private const string NewPool = "eu-west-1_Nowhere2";

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("cli-one-line-");

    /// <summary>Each command of the tool, its exit code for the refused input, and a word of the line it prints.</summary>
    public static TheoryData<string, int, string> Commands => new()
    {
        { "plan", 1, $"pool {OldPool} was not found" },
        { "enable", 1, $"pool {NewPool} was not found" },
        { "disable", 1, $"pool {NewPool} was not found" },
        { "status", 1, "was not found" },
        { "export", 2, $"the old pool '{OldPool}' does not exist" },
        { "sweep", 2, $"the new pool '{NewPool}' does not exist" },
        { "index", 2, "--snapshot: " },
        { "groups", 1, "was not found" },
        { "sync", 2, $"pool '{NewPool}' does not exist" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task RunAsync_InputTheCommandRefuses_ExactlyOneLineOnStderr(string command, int exitCode, string expected)
    {
        var result = await CliRunner.RunAsync(Args(command));

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("cognito-migrate: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain(CliRunner.TestCredentials.GetCredentials().SecretKey, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_CoverEveryCommandOfTheTool()
    {
        var host = new CliHost { Out = TextWriter.Null, Error = TextWriter.Null, Environment = new DictionaryEnvironment(new Dictionary<string, string>()) };

        var commands = CliApp.CreateRootCommand(host).Subcommands.Select(c => c.Name).Order(StringComparer.Ordinal);

        Assert.Equal(commands, Commands.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    private string[] Args(string command)
    {
        var endpoint = world.Endpoint.ToString();
        string[] oldPool = ["--old-pool-id", OldPool, "--old-endpoint-url", endpoint];
        string[] newPool = ["--new-pool-id", NewPool, "--new-endpoint-url", endpoint];
        var work = Path.Combine(_scratch.FullName, command);
        return command switch
        {
            "enable" => [command, .. newPool, "--function-arn", TestPools.FunctionArn],
            "disable" => [command, .. newPool],
            "export" => [command, .. oldPool, "--file", Path.Combine(_scratch.FullName, "old.jsonl")],
            "sweep" => [command, .. oldPool, .. newPool, "--yes", "--work-dir", work],
            "sync" => [command, .. oldPool, .. newPool, "--work-dir", work],
            "index" => [command, "--snapshot", Path.Combine(_scratch.FullName, "none.jsonl"), "--table", "MigrationFoldIndex"],
            _ => [command, .. oldPool, .. newPool],
        };
    }
}
