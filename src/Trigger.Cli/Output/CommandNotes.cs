using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace Trigger.Cli.Output;

/// <summary>
/// What a command's own <c>--help</c> shows after the options: its exit codes and an example. Kept
/// out of the description so the root command's list stays one short line per command.
/// </summary>
internal static class CommandNotes
{
    private static readonly ConditionalWeakTable<Command, string> _notes = [];

    /// <summary>Sets the text shown at the end of <paramref name="command"/>'s help.</summary>
    public static Command WithNotes(this Command command, string exitCodes, params string[] examples)
    {
        var text = "Exit codes:" + Environment.NewLine + "  " + exitCodes + Environment.NewLine + Environment.NewLine
            + "Example" + (examples.Length > 1 ? "s" : "") + ":" + Environment.NewLine
            + string.Join(Environment.NewLine, examples.Select(e => "  " + e)) + Environment.NewLine;
        _notes.AddOrUpdate(command, text);
        return command;
    }

    /// <summary>A help option whose output ends with the command's notes.</summary>
    public static HelpOption CreateHelpOption()
    {
        var option = new HelpOption { Recursive = true };
        option.Action = new NotesHelpAction((HelpAction)option.Action!);
        return option;
    }

    private sealed class NotesHelpAction(HelpAction standard) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = standard.Invoke(parseResult);
            if (_notes.TryGetValue(parseResult.CommandResult.Command, out var notes))
            {
                parseResult.InvocationConfiguration.Output.WriteLine(notes);
            }

            return exitCode;
        }
    }
}
