using Trigger.Cli.Tests.Support;

namespace Trigger.Cli.Tests.Usage;

/// <summary><c>--help</c> on every command: usage, options, an example, exit code 0.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("plan", "--old-pool-id", "cognito-migrate plan --old-pool-id")]
    [InlineData("enable", "--function-arn", "cognito-migrate enable --new-pool-id")]
    [InlineData("disable", "--pre-sign-up", "cognito-migrate disable --new-pool-id")]
    [InlineData("status", "--checkpoint", "cognito-migrate status --old-pool-id")]
    public async Task RunAsync_CommandHelp_ShowsItsOptionsAndAnExample(string command, string option, string example)
    {
        var result = await CliRunner.RunAsync(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"cognito-migrate {command} [options]", result.Out, StringComparison.Ordinal);
        Assert.Contains(option, result.Out, StringComparison.Ordinal);
        Assert.Contains("--output", result.Out, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", result.Out, StringComparison.Ordinal);
        Assert.Contains("Example", result.Out, StringComparison.Ordinal);
        Assert.Contains(example, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RootHelp_ListsEveryCommand()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "plan", "enable", "disable", "status" })
        {
            Assert.Contains("  " + command, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunAsync_HelpWithAnotherwiseBrokenLine_StillShowsHelp()
    {
        var result = await CliRunner.RunAsync("plan", "--scan", "lots", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--scan", result.Out, StringComparison.Ordinal);
    }
}
