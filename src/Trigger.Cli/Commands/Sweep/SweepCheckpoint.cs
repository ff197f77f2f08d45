using Trigger.Cli.Files;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// The sweep's resumable state (checkpoint.json, replaced atomically). Every old user before
/// <see cref="Resume"/> is settled in the journal; users after it may be too (the journal says which).
/// </summary>
internal sealed record SweepCheckpoint
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required string Source { get; init; }

    /// <summary>A snapshot source's size, so a changed file is refused on resume.</summary>
    public long? SnapshotBytes { get; init; }

    public required string NewUserPoolId { get; init; }

    public required string Strategy { get; init; }

    public bool Notify { get; init; }

    public required SourcePosition Resume { get; init; }

    /// <summary>CSV strategy: the journal's length when the last import file was completed; a resume cuts it back there.</summary>
    public long JournalBytes { get; init; }

    /// <summary>CSV strategy: the completed import files and their jobs.</summary>
    public List<ImportPart> Parts { get; init; } = [];

    /// <summary>Every old user is settled (or, for CSV, written to a completed file).</summary>
    public bool ListingComplete { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// Reads a checkpoint file: the one reader of the format, for a sweep that resumes and for <c>status --checkpoint</c>.
    /// </summary>
    /// <returns>Null when there is no such file.</returns>
    /// <exception cref="InvalidDataException">Not a checkpoint this version of the tool wrote; the message names the file.</exception>
    public static SweepCheckpoint? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        // Present but empty ("null") counts as written by someone else, like another version's.
        var checkpoint = JsonStateFile.Read(path, SweepJson.Context.SweepCheckpoint, "sweep checkpoint");
        return checkpoint is null || checkpoint.Version != CurrentVersion
            ? throw new InvalidDataException($"{path} was written by another version of this tool")
            : checkpoint;
    }
}

/// <summary>A completed CSV import file and, with <c>--import</c>, its import job.</summary>
internal sealed record ImportPart
{
    public int Number { get; init; }

    public required string File { get; init; }

    public long Rows { get; init; }

    public long Bytes { get; init; }

    public string? JobId { get; init; }

    /// <summary>Created, Uploaded, then the job's own status (Pending, InProgress, Succeeded, Failed, Stopped, Expired).</summary>
    public string? JobStatus { get; init; }

    public long Imported { get; init; }

    public long Skipped { get; init; }

    public long Failed { get; init; }

    public string? CompletionMessage { get; init; }

    public bool IsJobFinished => JobStatus is "Succeeded" or "Failed" or "Stopped" or "Expired";
}
