using System.CommandLine;
using Trigger.Cli.Common;

namespace Trigger.Cli.Commands.Triggers;

/// <summary><c>enable</c>: attach the UserMigration trigger (and the PreSignUp guard) to an existing pool, changing nothing else.</summary>
internal static class EnableCommand
{
    private const string Description =
        "Attach the UserMigration trigger (and the PreSignUp guard) to an existing pool, changing nothing else; "
        + "refuses when anything else would change.";

    public static Command Create(CommonOptions options, CliHost host)
    {
        var functionArn = TriggerOptions.FunctionArn("The trigger function's ARN (the stack output FunctionArn). Required.");
        var preSignUp = TriggerOptions.PreSignUp("Also attach the function as the PreSignUp trigger (the guard against sign-ups that take an unmigrated user's name).");
        var dryRun = TriggerOptions.DryRun();
        var replace = new Option<bool>("--replace") { Description = "Attach even when another function holds the trigger now." };

        var command = new Command("enable", Description).WithNotes(
            "0 attached (or already attached); 1 refused, or a call failed; 2 bad usage.",
            "cognito-migrate enable --new-pool-id eu-west-1_New456 --function-arn arn:aws:lambda:eu-west-1:123456789012:function:TriggerMigration-main --pre-sign-up --dry-run");
        options.AddNewPool(command);
        command.Options.Add(functionArn);
        command.Options.Add(preSignUp);
        command.Options.Add(dryRun);
        command.Options.Add(replace);
        options.AddShared(command);
        command.Validators.Add(result =>
        {
            if (result.GetResult(functionArn) is null)
            {
                result.AddError("Option '--function-arn' is required.");
            }
        });

        command.SetAction((parse, cancellationToken) => TriggerSwitch.RunAsync(
            new TriggerSwitchArguments(
                "enable",
                options.ReadNewPool(parse),
                options.ReadProfile(parse),
                options.ReadOutput(parse),
                parse.GetValue(preSignUp) ? ["UserMigration", "PreSignUp"] : ["UserMigration"],
                parse.GetRequiredValue(functionArn),
                parse.GetValue(dryRun),
                parse.GetValue(replace)),
            host,
            cancellationToken));
        return command;
    }
}
