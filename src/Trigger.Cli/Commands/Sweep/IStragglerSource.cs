namespace Trigger.Cli.Commands.Sweep;

/// <summary>Where the old users come from: the live old pool or a snapshot file.</summary>
internal interface IStragglerSource
{
    /// <summary>Names the source in a checkpoint, so a resume cannot silently mix two sources: <c>pool:&lt;id&gt;</c> or <c>snapshot:&lt;path&gt;</c>.</summary>
    string Identity { get; }

    /// <summary>How many old users to expect, when known.</summary>
    long? ExpectedUsers { get; }

    /// <summary>The old users from <paramref name="from"/> on, in listing order.</summary>
    IAsyncEnumerable<StragglerCandidate> ReadAsync(SourcePosition from, CancellationToken cancellationToken);
}
