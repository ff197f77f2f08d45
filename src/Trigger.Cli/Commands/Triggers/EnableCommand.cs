using System.CommandLine;
using Trigger.Cli.Hosting;
using Trigger.Cli.Options;
using Trigger.Cli.Output;

namespace Trigger.Cli.Commands.Triggers;

/// <summary>
/// <c>enable</c>: attach the UserMigration trigger and the PreSignUp guard to an existing pool, changing
/// nothing else. The guard is attached unless <c>--no-pre-sign-up</c> says otherwise (with a warning): the
/// trigger alone lets anyone sign up with an unmigrated user's name. The PostAuthentication trigger (which
/// adds a migrated user's old groups) and the Pre token generation trigger (which puts them into the first
/// tokens; V2_0 on an Essentials or Plus pool, else V1_0) are attached unless <c>--no-groups</c>; a Pre token
/// generation trigger of another function is never replaced without <c>--replace</c>.
/// </summary>
internal static class EnableCommand
{
    private const string Description =
        "Attach the UserMigration trigger and the PreSignUp guard to an existing pool, changing nothing else; "
        + "refuses when anything else would change.";

    public static Command Create(CommonOptions options, CliHost host)
    {
        var functionArn = TriggerOptions.FunctionArn("The trigger function's ARN (the stack output FunctionArn). Required.");
        var preSignUp = TriggerOptions.PreSignUp("Also attach the function as the PreSignUp trigger, the guard against sign-ups that take an unmigrated user's name (the default).");
        var noPreSignUp = new Option<bool>("--no-pre-sign-up")
        {
            Description = "Attach the UserMigration trigger only, without the guard (not recommended: anyone can then sign up with an unmigrated user's name).",
        };
        var noGroups = new Option<bool>("--no-groups")
        {
            Description = "Do not attach the function as the PostAuthentication and Pre token generation triggers: migrated users then arrive "
                + "without their old groups until the sweep adds them (for a pool whose triggers of those kinds are the application's own).",
        };
        var dryRun = TriggerOptions.DryRun();
        var replace = new Option<bool>("--replace") { Description = "Attach even when another function holds the trigger now." };

        var command = new Command("enable", Description).WithNotes(
            "0 attached (or already attached); 1 refused, or a call failed; 2 bad usage.",
            "cognito-migrate enable --new-pool-id eu-west-1_New456 --function-arn arn:aws:lambda:eu-west-1:123456789012:function:TriggerMigration-main --dry-run");
        options.AddAll(command, oldPool: false, newPool: true, functionArn, preSignUp, noPreSignUp, noGroups, dryRun, replace);
        command.Validators.Add(result =>
        {
            if (result.GetResult(functionArn) is null)
            {
                result.AddError("Option '--function-arn' is required.");
            }

            if (result.GetValue(preSignUp) && result.GetValue(noPreSignUp))
            {
                result.AddError("--pre-sign-up and --no-pre-sign-up contradict each other; give one (the guard is attached by default).");
            }
        });

        command.SetAction(async (parse, cancellationToken) =>
        {
            var guard = !parse.GetValue(noPreSignUp);
            if (!guard)
            {
                await host.Error.WriteLineAsync(
                    "WARNING: --no-pre-sign-up: the PreSignUp guard is not attached. Until each old user has signed in, anyone can sign up in the new pool "
                    + "with that user's name or email and take the account's place. Attach it later with enable (without --no-pre-sign-up).");
            }

            string[] triggers =
            [
                "UserMigration",
                .. parse.GetValue(noGroups) ? Array.Empty<string>() : [TriggerSwitch.GroupsTrigger, TriggerSwitch.TokenGroupsTrigger],
                .. guard ? ["PreSignUp"] : Array.Empty<string>(),
            ];
            return await TriggerSwitch.RunAsync(
                TriggerSwitchArguments.Read(parse, options, "enable", triggers, functionArn, dryRun, parse.GetValue(replace)),
                host,
                cancellationToken);
        });
        return command;
    }
}
