using System.Text.Json;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Files;
using Trigger.Migration.Decisions;

namespace Trigger.Cli.Commands.Sync;

/// <summary>
/// What the pass's user phases said about each primary user, as the group phase needs it: the users this pass
/// created in the standby (not in the standby index, which was read before), and the users it would not vouch
/// for (failed, unmappable, skipped: a stranger holding the name, a refused creation). The group phase adds or
/// removes memberships only for users the standby holds as the primary's; never for the others. Filled from
/// the journal when a pass resumes, then from each change as it is recorded. Keyed by the standby's name rule.
/// </summary>
internal sealed class SyncedUsers(NameRule names)
{
    private readonly HashSet<string> _created = new(StringComparer.Ordinal);
    private readonly HashSet<string> _excluded = new(StringComparer.Ordinal);

    /// <summary>True when this pass created <paramref name="username"/> in the standby.</summary>
    public bool Created(string username) => _created.Contains(names.Key(username));

    /// <summary>True when the user phases reported <paramref name="username"/> instead of settling it.</summary>
    public bool Excluded(string username) => _excluded.Contains(names.Key(username));

    /// <summary>Takes in one recorded change of the user phases (group-phase entries are ignored).</summary>
    public void Note(JournalEntry change)
    {
        if (change.E != JournalEntry.OutcomeKind || change.Seq >= GroupMirror.FirstSequence || change.Outcome is not { } outcome)
        {
            return;
        }

        if (outcome == StragglerOutcomes.Created)
        {
            _created.Add(names.Key(change.User));
        }
        else if (outcome is StragglerOutcomes.Failed or StragglerOutcomes.Unmappable or StragglerOutcomes.Skipped)
        {
            _excluded.Add(names.Key(change.User));
        }
    }

    /// <summary>Reads the user phases' outcomes from the pass's journal (nothing when there is none).</summary>
    public static async Task<SyncedUsers> ReadAsync(string journalPath, NameRule names, CancellationToken cancellationToken)
    {
        var users = new SyncedUsers(names);
        if (!File.Exists(journalPath))
        {
            return users;
        }

        await foreach (var line in JsonLinesReader.ReadAsync(journalPath, 0, cancellationToken))
        {
            if (!line.Terminated)
            {
                break;
            }

            // JournalReplay has read the same file already and refused it if damaged.
            if (JsonSerializer.Deserialize(line.Bytes.Span, SweepJson.Context.JournalEntry) is { } entry)
            {
                users.Note(entry);
            }
        }

        return users;
    }
}
