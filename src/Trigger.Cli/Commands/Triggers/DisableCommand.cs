using System.CommandLine;
using Trigger.Cli.Hosting;
using Trigger.Cli.Options;
using Trigger.Cli.Output;

namespace Trigger.Cli.Commands.Triggers;

/// <summary>
/// <c>disable</c>: detach the UserMigration trigger, the PreSignUp guard and the groups steps (PostAuthentication,
/// Pre token generation) from a pool, changing nothing else. All go: once the old pool is retired the guard cannot
/// look users up and refuses every sign-up. PreSignUp and the groups steps go only when they are the migration function's.
/// </summary>
internal static class DisableCommand
{
    private const string Description =
        "Detach the UserMigration trigger and the PreSignUp guard when the window closes, changing nothing else.";

    public static Command Create(CommonOptions options, CliHost host)
    {
        var functionArn = TriggerOptions.FunctionArn("Detach only if this function is the one attached; refuse otherwise.");
        var preSignUp = TriggerOptions.PreSignUp("Also detach the PreSignUp trigger (the default: the guard refuses every sign-up once the old pool is gone).");
        var dryRun = TriggerOptions.DryRun();

        var command = new Command("disable", Description).WithNotes(
            "0 detached (or already detached); 1 refused, or a call failed; 2 bad usage.",
            "cognito-migrate disable --new-pool-id eu-west-1_New456 --dry-run");
        options.AddAll(command, oldPool: false, newPool: true, functionArn, preSignUp, dryRun);

        command.SetAction((parse, cancellationToken) => TriggerSwitch.RunAsync(
            TriggerSwitchArguments.Read(parse, options, "disable", ["UserMigration", "PreSignUp", TriggerSwitch.GroupsTrigger, TriggerSwitch.TokenGroupsTrigger], functionArn, dryRun, replace: false),
            host,
            cancellationToken));
        return command;
    }
}
