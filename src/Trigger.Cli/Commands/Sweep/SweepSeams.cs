using Trigger.Cli.Files;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>The sweep's connections to the machine, replaceable in tests (a full disk, a crash, the upload client).</summary>
internal sealed record SweepSeams
{
    private static readonly Lazy<HttpClient> _sharedUploadClient = new(() => new HttpClient { Timeout = TimeSpan.FromMinutes(30) });

    public IDurableFiles Files { get; init; } = DurableFiles.Instance;

    /// <summary>Settled users between two checkpoint writes (also written at least once every <see cref="CheckpointInterval"/>).</summary>
    public int CheckpointEverySettled { get; init; } = 1000;

    /// <summary>The longest time between two checkpoint writes while users settle.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows per CSV import file (the import job's limit).</summary>
    public long ImportFileMaxRows { get; init; } = ImportFileWriter.MaxRows;

    /// <summary>Sends the CSV files to the import jobs' pre-signed URLs.</summary>
    public HttpClient UploadClient { get; init; } = _sharedUploadClient.Value;
}
