namespace Trigger.Benchmarks;

/// <summary>A titled result table that renders as aligned plain text (for a terminal) or as markdown (for docs).</summary>
internal sealed record ReportTable(string Title, IReadOnlyList<ReportRow> Rows)
{
    private static readonly string[] _header = ["figure", FunctionFlavour.ShippedName, FunctionFlavour.JitName, "shipped/jit", "target"];

    public async Task WritePlainAsync(TextWriter output)
    {
        var cells = Cells().ToList();
        var widths = Enumerable.Range(0, _header.Length).Select(column => cells.Max(row => row[column].Length)).ToArray();
        await output.WriteLineAsync(Title);
        foreach (var (row, index) in cells.Select((row, index) => (row, index)))
        {
            var padded = row.Select((cell, column) => column == 0 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]));
            await output.WriteLineAsync("  " + string.Join("  ", padded).TrimEnd());
            if (index == 0)
            {
                await output.WriteLineAsync("  " + string.Join("  ", widths.Select(width => new string('-', width))));
            }
        }

        await output.WriteLineAsync();
    }

    public async Task WriteMarkdownAsync(TextWriter output)
    {
        await output.WriteLineAsync($"### {Title}");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"| {string.Join(" | ", _header)} |");
        await output.WriteLineAsync("| --- | ---: | ---: | ---: | --- |");
        foreach (var row in Rows)
        {
            await output.WriteLineAsync($"| {row.Figure} | {row.Shipped} | {row.Jit} | {row.Ratio} | {row.Target} |");
        }

        await output.WriteLineAsync();
    }

    private IEnumerable<string[]> Cells() =>
        Rows.Select(row => new[] { row.Figure, row.Shipped, row.Jit, row.Ratio, row.Target }).Prepend(_header);
}
