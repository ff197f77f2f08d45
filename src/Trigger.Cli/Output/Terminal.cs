using Spectre.Console;

using Trigger.Cli.Hosting;

namespace Trigger.Cli.Output;

/// <summary>Spectre.Console consoles over the host's writers: colours and live progress only on a terminal.</summary>
internal static class Terminal
{
    // Wide enough that a finding and its fix rarely wrap when the output goes to a file or a test.
    private const int RedirectedWidth = 120;

    public static IAnsiConsole For(TextWriter writer, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    /// <summary>
    /// Runs <paramref name="work"/> with a progress bar on stderr when stderr is a terminal; otherwise
    /// the work runs silently and the report callback does nothing.
    /// </summary>
    public static async Task<T> WithProgressAsync<T>(CliHost host, string description, double? expectedTotal, Func<Action<double>, Task<T>> work)
    {
        if (!host.ErrorIsTerminal)
        {
            return await work(_ => { });
        }

        var console = For(host.Error, isTerminal: true);
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, expectedTotal ?? 1));
                task.IsIndeterminate = expectedTotal is null or <= 0;
                var result = await work(value =>
                {
                    if (value > task.MaxValue)
                    {
                        task.MaxValue = value;
                    }

                    task.Value = value;
                });
                task.Value = task.MaxValue;
                return result;
            });
    }
}
