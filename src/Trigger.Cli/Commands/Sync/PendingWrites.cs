using System.Text.Json;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Files;

namespace Trigger.Cli.Commands.Sync;

/// <summary>
/// The standby writes a killed run announced (an intent line naming the change) without recording their
/// outcome: each may or may not have reached the standby. On resume such a user is compared again; a change
/// that already holds was made by the killed run and is counted now, once; one that does not is made now.
/// </summary>
internal sealed class PendingWrites
{
    private readonly Dictionary<string, string> _pending = new(StringComparer.Ordinal);

    /// <summary>Usernames with an announced, unrecorded write, and its kind.</summary>
    public IReadOnlyDictionary<string, string> ByUser => _pending;

    /// <summary>Reads the intents of <paramref name="journalPath"/> that name a change and have no outcome after them.</summary>
    public static async Task<PendingWrites> ReadAsync(string journalPath, CancellationToken cancellationToken)
    {
        var writes = new PendingWrites();
        if (!File.Exists(journalPath))
        {
            return writes;
        }

        await foreach (var line in JsonLinesReader.ReadAsync(journalPath, 0, cancellationToken))
        {
            if (!line.Terminated)
            {
                break;
            }

            // JournalReplay has read the same file already and refused it if damaged.
            var entry = JsonSerializer.Deserialize(line.Bytes.Span, SweepJson.Context.JournalEntry);
            if (entry is null)
            {
                continue;
            }

            if (entry.E == JournalEntry.IntentKind && entry.Outcome is { } kind)
            {
                writes._pending[entry.User] = kind;
            }
            else if (entry.E == JournalEntry.OutcomeKind)
            {
                writes._pending.Remove(entry.User);
            }
        }

        return writes;
    }

    /// <summary>Forgets <paramref name="username"/>'s pending write (its outcome is being recorded).</summary>
    public bool Take(string username, out string kind)
    {
        if (_pending.Remove(username, out var found))
        {
            kind = found;
            return true;
        }

        kind = string.Empty;
        return false;
    }
}
