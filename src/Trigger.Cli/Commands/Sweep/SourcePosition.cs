namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// A place in the old users' listing that a resumed sweep can start from. From a live pool: request the
/// page <see cref="PageToken"/> (null: the first page) and skip <see cref="Skip"/> users from there. From
/// a snapshot: the line starting at <see cref="ByteOffset"/>. <see cref="Sequence"/> counts users from 0.
/// </summary>
internal sealed record SourcePosition
{
    public static SourcePosition Start { get; } = new();

    public long Sequence { get; init; }

    public string? PageToken { get; init; }

    public int Skip { get; init; }

    public long ByteOffset { get; init; }
}
