using System.Globalization;
using System.Text.Json;
using Trigger.Cli.Files;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// The sweep's work directory: checkpoint.json (where to resume), journal.jsonl (one line per settled
/// user, the record the report and the id map are built from), id-map.csv, report.json, plan.jsonl
/// (dry run) and import/ (CSV files). Running again with the same directory resumes.
/// </summary>
internal sealed class SweepWorkspace(string directory)
{
    public string Directory { get; } = directory;

    public string CheckpointPath => Path.Combine(Directory, "checkpoint.json");

    public string JournalPath => Path.Combine(Directory, "journal.jsonl");

    public string IdMapPath => Path.Combine(Directory, "id-map.csv");

    public string ReportPath => Path.Combine(Directory, "report.json");

    public string PlanPath => Path.Combine(Directory, "plan.jsonl");

    public string ImportDirectory => Path.Combine(Directory, "import");

    /// <summary>The previous run's checkpoint, or null.</summary>
    /// <exception cref="InvalidDataException">The checkpoint is unreadable or from another version.</exception>
    public SweepCheckpoint? ReadCheckpoint()
    {
        try
        {
            return SweepCheckpoint.Read(CheckpointPath);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{e.Message}; use another --work-dir, or --restart to start over.", e);
        }
    }

    public Task WriteCheckpointAsync(IDurableFiles files, SweepCheckpoint checkpoint) =>
        files.ReplaceAsync(CheckpointPath, JsonSerializer.SerializeToUtf8Bytes(checkpoint, SweepJson.Context.SweepCheckpoint));

    /// <summary>
    /// Moves a previous run's files into <c>previous-&lt;time&gt;</c>, so --restart loses no record. The new
    /// journal, holding <paramref name="carried"/> (intents still in doubt, see <see cref="JournalEntry.Carried"/>),
    /// is written whole to a temporary file and renamed over the old journal as the old one is kept in the
    /// archive (<see cref="File.Replace(string, string, string?)"/>): at every moment journal.jsonl is either
    /// the old journal or the complete new one, so a kill cannot lose the in-doubt set.
    /// </summary>
    public string Archive(TimeProvider time, IReadOnlyDictionary<string, DateTimeOffset?> carried)
    {
        var archive = Path.Combine(Directory, "previous-" + time.GetUtcNow().ToString("yyyyMMddTHHmmssfffZ", CultureInfo.InvariantCulture));
        System.IO.Directory.CreateDirectory(archive);
        if (carried.Count > 0 && File.Exists(JournalPath))
        {
            var temporary = JournalPath + ".carried.tmp";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                foreach (var (user, at) in carried.OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    stream.Write(JsonSerializer.SerializeToUtf8Bytes(
                        new JournalEntry { E = JournalEntry.IntentKind, Seq = -1, User = user, At = at, Carried = true },
                        SweepJson.Context.JournalEntry));
                    stream.WriteByte((byte)'\n');
                }

                stream.Flush(flushToDisk: true);
            }

            File.Replace(temporary, JournalPath, Path.Combine(archive, Path.GetFileName(JournalPath)));
        }

        foreach (var path in new[] { CheckpointPath, JournalPath, IdMapPath, ReportPath, PlanPath })
        {
            if (File.Exists(path) && !(carried.Count > 0 && path == JournalPath))
            {
                File.Move(path, Path.Combine(archive, Path.GetFileName(path)));
            }
        }

        if (System.IO.Directory.Exists(ImportDirectory))
        {
            System.IO.Directory.Move(ImportDirectory, Path.Combine(archive, "import"));
        }

        return archive;
    }
}
