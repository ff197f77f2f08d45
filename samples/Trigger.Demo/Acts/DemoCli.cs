using Amazon.Runtime;
using Trigger.Aws;
using Trigger.Cli;
using Trigger.Cli.Hosting;

namespace Trigger.Demo.Acts;

/// <summary>What one <c>cognito-migrate</c> run printed, and its exit code.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Its stdout (the report).</param>
/// <param name="Error">Its stderr (progress, problems).</param>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>The last line of stderr, for a failed check.</summary>
    public string LastErrorLine => Error.TrimEnd().Split('\n')[^1].Trim();
}

/// <summary>Runs the real <c>cognito-migrate</c> command line in this process, as an operator would run it.</summary>
internal static class DemoCli
{
    /// <summary>The region the local pools are signed for (cognito-local's pool ids name none).</summary>
    public const string LocalRegion = "us-east-1";

    public static async Task<CliRun> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new CliHost
        {
            Out = output,
            Error = error,
            Environment = ProcessEnvironmentVariables.Instance,
            // cognito-local checks no signature; an operator's credentials come from --profile or the default chain.
            Credentials = new BasicAWSCredentials("local", "local"),
        };
        var exit = await CliApp.RunAsync(args, host, cancellationToken);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>The pool options of both pools of <paramref name="world"/>: ids, local endpoints, region.</summary>
    public static string[] PoolArguments(World.LocalMigrationWorld world) =>
    [
        "--old-pool-id", world.OldPoolId, "--old-endpoint-url", world.OldServer.Endpoint.ToString(), "--old-region", LocalRegion,
        "--new-pool-id", world.NewPoolId, "--new-endpoint-url", world.NewServer.Endpoint.ToString(), "--new-region", LocalRegion,
    ];
}
