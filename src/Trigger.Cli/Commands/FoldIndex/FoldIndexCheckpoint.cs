using System.Text.Json.Serialization;

namespace Trigger.Cli.Commands.FoldIndex;

/// <summary>
/// Where an interrupted <c>index</c> run stands (<c>&lt;snapshot&gt;.index-checkpoint</c>, replaced atomically):
/// every item of passes before <see cref="Pass"/>, and the first <see cref="Written"/> items (in key order) of
/// that pass, are in the table. A checkpoint for another table, snapshot size or pass count is not resumed.
/// </summary>
internal sealed record FoldIndexCheckpoint
{
    public required string Table { get; init; }

    public long SnapshotBytes { get; init; }

    public int Passes { get; init; }

    public int Pass { get; init; }

    public long Written { get; init; }

    /// <summary>Items written by every pass so far (the finished ones and this one).</summary>
    public long TotalWritten { get; init; }

    /// <summary>Whether this checkpoint continues a run over the same table, snapshot and passes.</summary>
    public bool Continues(string table, long snapshotBytes, int passes) =>
        Table == table && SnapshotBytes == snapshotBytes && Passes == passes;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(FoldIndexCheckpoint))]
internal sealed partial class FoldIndexJsonContext : JsonSerializerContext;
