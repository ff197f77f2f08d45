using System.CommandLine;
using Polly.Timeout;
using Trigger.Aws;
using Trigger.Cli.Commands.Groups;
using Trigger.Cli.Commands.Plan;
using Trigger.Cli.Commands.Status;
using Trigger.Cli.Commands.Triggers;
using Trigger.Cli.Exits;
using Trigger.Cli.Hosting;
using Trigger.Cli.Options;
using Trigger.Cli.Output;
using Trigger.Cli.Commands.Export;
using Trigger.Cli.Commands.FoldIndex;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Commands.Sync;

namespace Trigger.Cli;

/// <summary>
/// The ops tool <c>cognito-migrate</c>: builds the command tree and runs one command line, returning
/// the exit code (0 all good, 1 findings or a failed operation, 2 bad usage). Program.cs and the tests
/// both enter here; a test passes its own writers, environment and credentials in the <see cref="CliHost"/>.
/// </summary>
internal static class CliApp
{
    public const string Name = "cognito-migrate";

    private const string Description = """
        Operate a Cognito user-pool migration: check that two pools fit together (plan), attach or detach the
        UserMigration trigger on an existing pool without touching its other settings (enable, disable), see
        where the migration stands (status), snapshot the old pool (export), create the stragglers (sweep) and keep a disaster-recovery standby current (sync). Credentials come from the standard AWS chain or --profile.
        """;

    /// <summary>
    /// The root command and every command under it. This is the one place commands are listed: a new
    /// command is one more line below, <c>root.Subcommands.Add(XCommand.Create(options, host));</c>,
    /// where <c>options</c> gives it the shared pool, profile and output options (see <see cref="CommonOptions"/>).
    /// </summary>
    public static Command CreateRootCommand(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var options = new CommonOptions();
        var root = new Command(Name, Description);
        // A plain Command, not RootCommand: its name would be the test host's in tests.
        root.Options.Add(CommandNotes.CreateHelpOption());
        root.Options.Add(new VersionOption());

        root.Subcommands.Add(PlanCommand.Create(options, host));
        root.Subcommands.Add(EnableCommand.Create(options, host));
        root.Subcommands.Add(DisableCommand.Create(options, host));
        root.Subcommands.Add(StatusCommand.Create(options, host));
        root.Subcommands.Add(ExportCommand.Create(options, host));
        root.Subcommands.Add(SweepCommand.Create(options, host));
        root.Subcommands.Add(IndexCommand.Create(options, host));
        root.Subcommands.Add(GroupsCommand.Create(options, host));
        root.Subcommands.Add(SyncCommand.Create(options, host));
        return root;
    }

    /// <summary>Parses and runs one command line. Every failure ends as one line on stderr and an exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(host);
        var root = CreateRootCommand(host);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not { ClearsParseErrors: true })
        {
            var command = parse.CommandResult.Command == root ? Name : $"{Name} {parse.CommandResult.Command.Name}";
            // A mistyped word explains the rest ("command not provided"), so it is the one line shown.
            var error = parse.UnmatchedTokens.Count > 0
                ? parse.Errors.FirstOrDefault(e => e.Message.Contains($"'{parse.UnmatchedTokens[0]}'", StringComparison.Ordinal)) ?? parse.Errors[0]
                : parse.Errors[0];
            return await CliFailure.Usage($"{error.Message} See '{command} --help'.").ReportAsync(host.Error);
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration
                {
                    Output = host.Out,
                    Error = host.Error,
                    EnableDefaultExceptionHandler = false,
                    // Ctrl+C is the caller's business (Program.cs cancels the token).
                    ProcessTerminationTimeout = null,
                },
                cancellationToken);
        }
        catch (CliFailure failure)
        {
            return await failure.ReportAsync(host.Error);
        }
        catch (AwsConfigurationException exception)
        {
            return await new CliFailure(exception.Message, exception, ExitCodes.Usage).ReportAsync(host.Error);
        }
        catch (AwsServiceException exception)
        {
            // The adapters' messages name operation, code and request id, with request secrets removed.
            return await new CliFailure(exception.Message, exception).ReportAsync(host.Error);
        }
        catch (HttpRequestException exception)
        {
            return await new CliFailure($"Could not reach the Cognito endpoint: {exception.Message}", exception).ReportAsync(host.Error);
        }
        catch (TimeoutRejectedException exception)
        {
            return await new CliFailure("The Cognito endpoint did not answer in time, even after retries.", exception).ReportAsync(host.Error);
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            return await new CliFailure("Cancelled.", exception).ReportAsync(host.Error);
        }
    }
}
