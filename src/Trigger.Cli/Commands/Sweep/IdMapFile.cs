using System.Text;
using System.Text.Json;
using Trigger.Cli.Files;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// id-map.csv: old username, old sub, new username, new sub, for every old user that is in the new pool
/// after the sweep (created now, or found there), for applications whose data is keyed on <c>sub</c>.
/// Built by streaming the journal, written whole (temporary file + rename). RFC 4180 quoting.
/// </summary>
internal static class IdMapFile
{
    public const string Header = "old_username,old_sub,new_username,new_sub";

    public static async Task<long> WriteAsync(IDurableFiles files, string journalPath, string idMapPath, CancellationToken cancellationToken)
    {
        long rows = 0;
        await files.ReplaceAsync(idMapPath, async stream =>
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true);
            writer.NewLine = "\n";
            await writer.WriteLineAsync(Header);
            if (File.Exists(journalPath))
            {
                await foreach (var line in JsonLinesReader.ReadAsync(journalPath, 0, cancellationToken))
                {
                    if (!line.Terminated)
                    {
                        break;
                    }

                    var entry = JsonSerializer.Deserialize(line.Bytes.Span, SweepJson.Context.JournalEntry);
                    if (entry?.E != JournalEntry.OutcomeKind || entry.Outcome is not { } outcome || !StragglerOutcomes.IsInNewPool(outcome))
                    {
                        continue;
                    }

                    await writer.WriteLineAsync($"{Quote(entry.User)},{Quote(entry.OldSub)},{Quote(entry.NewUser ?? entry.User)},{Quote(entry.NewSub)}");
                    rows++;
                }
            }

            await writer.FlushAsync(cancellationToken);
        });
        return rows;
    }

    internal static string Quote(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value
        : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
