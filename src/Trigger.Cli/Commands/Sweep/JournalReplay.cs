using System.Globalization;
using System.Text.Json;
using Trigger.Cli.Files;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// What a previous run of the sweep left in the journal: the tally so far, the users settled after the
/// checkpoint's position (not to be done again), and the users whose creation was started but not
/// recorded (to be checked in the new pool). A torn last line, from a kill in mid-write, is cut off.
/// Streams the file: memory stays flat however long the journal is.
/// </summary>
internal sealed class JournalReplay
{
    public SweepTally Tally { get; } = new();

    /// <summary>Usernames settled at or after the resume position.</summary>
    public HashSet<string> Settled { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Usernames with an intent and no outcome (possibly created by the killed run), with the intent's time
    /// (null when the journal did not record it).
    /// </summary>
    public Dictionary<string, DateTimeOffset?> InDoubt { get; } = new(StringComparer.Ordinal);

    /// <summary>The journal's length up to its last complete line; appends continue from there.</summary>
    public long ValidLength { get; private set; }

    /// <summary>Replays <paramref name="path"/> up to <paramref name="limit"/> bytes (null: all of it).</summary>
    /// <exception cref="InvalidDataException">A complete line of the journal is not readable.</exception>
    public static async Task<JournalReplay> ReadAsync(string path, long resumeSequence, long? limit, CancellationToken cancellationToken)
    {
        var replay = new JournalReplay();
        if (!File.Exists(path))
        {
            return replay;
        }

        var intents = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        long lineNumber = 0;
        await foreach (var line in JsonLinesReader.ReadAsync(path, 0, cancellationToken))
        {
            lineNumber++;
            if (!line.Terminated || (limit is { } cut && line.End > cut))
            {
                break;
            }

            JournalEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize(line.Bytes.Span, SweepJson.Context.JournalEntry);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the journal {path} is damaged at line {lineNumber} ({e.Message})."), e);
            }

            if (entry is null)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the journal {path} is damaged at line {lineNumber}."));
            }

            replay.ValidLength = line.End;
            if (entry.E == JournalEntry.IntentKind)
            {
                intents[entry.User] = entry;
                continue;
            }

            intents.Remove(entry.User);
            replay.Tally.Add(entry);
            if (entry.Seq >= resumeSequence)
            {
                replay.Settled.Add(entry.User);
            }
        }

        foreach (var (user, intent) in intents)
        {
            if (intent.Seq >= resumeSequence || intent.Carried == true)
            {
                replay.InDoubt[user] = intent.At;
            }
        }

        return replay;
    }
}
