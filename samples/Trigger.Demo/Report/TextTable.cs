namespace Trigger.Demo.Report;

/// <summary>Rows printed in aligned columns (plain text, so the output reads the same in a log or a terminal).</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row has {cells.Length} cells for {headers.Length} columns.", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Prints the table; the first column may hold a coloured mark, counted as one character wide.</summary>
    public void Print(Transcript transcript, string indent = "  ")
    {
        var widths = headers.Select((h, i) => Math.Max(VisibleLength(h), _rows.Count == 0 ? 0 : _rows.Max(r => VisibleLength(r[i])))).ToArray();
        transcript.Line(Paint.Dim(indent + Join(headers, widths)));
        foreach (var row in _rows)
        {
            transcript.Line(indent + Join(row, widths));
        }
    }

    private static string Join(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => i == cells.Length - 1 ? cell : cell + new string(' ', widths[i] - VisibleLength(cell)))).TrimEnd();

    // Colour codes take no room on the screen.
    private static int VisibleLength(string cell)
    {
        var length = 0;
        for (var i = 0; i < cell.Length; i++)
        {
            if (cell[i] == '\u001b')
            {
                while (i < cell.Length && cell[i] != 'm')
                {
                    i++;
                }

                continue;
            }

            length++;
        }

        return length;
    }
}
