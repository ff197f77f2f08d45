namespace Trigger.Cli.Commands.Export;

/// <summary>
/// Where an interrupted export resumes: the old pool, the token of the next page to read, and how far
/// the partial file is known good (users and bytes). Written after each page, once its lines are on disk.
/// </summary>
internal sealed record ExportCheckpoint
{
    public required string UserPoolId { get; init; }

    /// <summary>The next page's token; null only before the first page.</summary>
    public string? NextPageToken { get; init; }

    /// <summary>Pages read so far.</summary>
    public long Pages { get; init; }

    /// <summary>True once the last page is on disk: only the summary line and the rename are left.</summary>
    public bool ListingComplete { get; init; }

    public long Users { get; init; }

    /// <summary>Length of the partial file up to the last complete page; anything after it is cut on resume.</summary>
    public long Bytes { get; init; }

    public bool MfaDetails { get; init; }

    /// <summary>User lines carry their groups (the memberships are read again on resume, before the next page).</summary>
    public bool Groups { get; init; }

    public DateTimeOffset StartedAt { get; init; }
}
