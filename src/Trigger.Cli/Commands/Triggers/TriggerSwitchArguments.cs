using System.CommandLine;
using Trigger.Cli.Options;

namespace Trigger.Cli.Commands.Triggers;

/// <summary>What <c>enable</c> or <c>disable</c> was asked to do.</summary>
/// <param name="Action"><c>enable</c> or <c>disable</c>, for messages.</param>
/// <param name="NewPool">The pool whose triggers change.</param>
/// <param name="Profile"><c>--profile</c>.</param>
/// <param name="Output"><c>--output</c>.</param>
/// <param name="Triggers">The LambdaConfig members to change: <c>UserMigration</c>, and <c>PreSignUp</c> with <c>--pre-sign-up</c>.</param>
/// <param name="FunctionArn">enable: the function to attach; disable: when given, detach only if this function is attached.</param>
/// <param name="DryRun">Print the difference, change nothing.</param>
/// <param name="Replace">enable: attach even when another function holds the trigger.</param>
internal sealed record TriggerSwitchArguments(
    string Action,
    PoolTarget NewPool,
    string? Profile,
    OutputFormat Output,
    IReadOnlyList<string> Triggers,
    string? FunctionArn,
    bool DryRun,
    bool Replace)
{
    /// <summary>True for enable (attach), false for disable (detach).</summary>
    public bool Attach => Action == "enable";

    /// <summary>What the command line asked <paramref name="action"/> to do: the new pool, <c>--profile</c> and <c>--output</c> with the options both commands have.</summary>
    public static TriggerSwitchArguments Read(
        ParseResult parse, CommonOptions options, string action, IReadOnlyList<string> triggers, Option<string> functionArn, Option<bool> dryRun, bool replace) =>
        new(
            action,
            options.ReadNewPool(parse),
            options.ReadProfile(parse),
            options.ReadOutput(parse),
            triggers,
            parse.GetValue(functionArn),
            parse.GetValue(dryRun),
            replace);
}
