using System.CommandLine;
using Trigger.Cli.Options;

namespace Trigger.Cli.Commands.Triggers;

/// <summary>The options <c>enable</c> and <c>disable</c> share besides the new pool's.</summary>
internal static class TriggerOptions
{
    public static Option<string> FunctionArn(string description)
    {
        var option = new Option<string>("--function-arn") { Description = description, HelpName = "arn" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !InputRules.IsFunctionArn(value))
            {
                result.AddError($"--function-arn '{value}' is not a Lambda function ARN like arn:aws:lambda:eu-west-1:123456789012:function:name.");
            }
        });
        return option;
    }

    public static Option<bool> PreSignUp(string description) => new("--pre-sign-up") { Description = description };

    public static Option<bool> DryRun() => new("--dry-run") { Description = "Print the exact difference and change nothing." };
}
