using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Trigger.Cli.Commands.Export;
using Trigger.Cli.Files;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// The old users from a snapshot written by <c>export</c>. <see cref="OpenAsync"/> reads the whole file once
/// before anything is sent: a bad line, a missing header or summary, or a count that does not match refuses
/// the snapshot with the line numbers, so a sweep never stops half-way on a bad file.
/// </summary>
internal sealed class SnapshotSource : IStragglerSource
{
    private const int MaxProblems = 5;

    private SnapshotSource(string path, long length, string oldUserPoolId, long users, bool groupsRecorded)
    {
        Path = path;
        Length = length;
        OldUserPoolId = oldUserPoolId;
        ExpectedUsers = users;
        GroupsRecorded = groupsRecorded;
    }

    public string Path { get; }

    /// <summary>The file's size when checked; a resume refuses a file that changed.</summary>
    public long Length { get; }

    public string OldUserPoolId { get; }

    public string Identity => $"snapshot:{Path}";

    public long? ExpectedUsers { get; }

    /// <summary>
    /// True when the user lines carry their groups (format 2 exported without <c>--no-groups</c>); false for a format 1
    /// snapshot or one exported with <c>--no-groups</c>, from which no membership can be carried.
    /// </summary>
    public bool GroupsRecorded { get; }

    /// <summary>Checks the whole snapshot and opens it.</summary>
    /// <exception cref="InvalidDataException">The snapshot is unusable; the message names the lines.</exception>
    public static async Task<SnapshotSource> OpenAsync(string path, CancellationToken cancellationToken)
    {
        path = System.IO.Path.GetFullPath(path);
        var problems = new List<string>();
        string? poolId = null;
        var groupsRecorded = false;
        long users = 0;
        long? summaryUsers = null;
        long lineNumber = 0;
        long summaryLine = 0;
        await foreach (var line in JsonLinesReader.ReadAsync(path, 0, cancellationToken))
        {
            lineNumber++;
            if (problems.Count >= MaxProblems)
            {
                break;
            }

            SnapshotLine? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize(line.Bytes.Span, SnapshotJson.Context.SnapshotLine);
            }
            catch (JsonException e)
            {
                problems.Add($"line {lineNumber}: not a snapshot line ({FirstSentence(e.Message)})");
                continue;
            }

            var problem = (lineNumber, parsed?.Kind) switch
            {
                (_, null) => "not a snapshot line (no kind)",
                _ when summaryLine > 0 => "comes after the summary line",
                (1, SnapshotLine.HeaderKind) when parsed!.Format is not { } format || format < SnapshotLine.OldestReadableFormat || format > SnapshotLine.CurrentFormat =>
                    $"snapshot format {parsed.Format} is not supported (this tool reads formats {SnapshotLine.OldestReadableFormat} to {SnapshotLine.CurrentFormat})",
                (1, SnapshotLine.HeaderKind) when string.IsNullOrEmpty(parsed!.UserPoolId) => "the header names no user pool",
                (1, SnapshotLine.HeaderKind) => null,
                (1, _) => "the first line must be the snapshot header; is this a file written by export?",
                (_, SnapshotLine.UserKind) when string.IsNullOrEmpty(parsed!.Username) => "a user line without a username",
                (_, SnapshotLine.UserKind) when parsed!.Groups is { } groups && !groupsRecorded =>
                    "a user line with groups in a snapshot whose header does not record groups",
                (_, SnapshotLine.UserKind) when parsed!.Groups is { } groups && groups.Any(string.IsNullOrEmpty) => "a user line with an empty group name",
                (_, SnapshotLine.UserKind) => null,
                (_, SnapshotLine.SummaryKind) when parsed!.Users is null => "a summary line without a user count",
                (_, SnapshotLine.SummaryKind) => null,
                (_, var kind) => $"unknown kind '{kind}'",
            };
            if (problem is not null)
            {
                problems.Add($"line {lineNumber}: {problem}");
                continue;
            }

            switch (parsed!.Kind)
            {
                case SnapshotLine.HeaderKind:
                    poolId = parsed.UserPoolId;
                    groupsRecorded = parsed.Format >= 2 && parsed.GroupsRecorded == true;
                    break;
                case SnapshotLine.UserKind:
                    users++;
                    break;
                default:
                    summaryLine = lineNumber;
                    summaryUsers = parsed.Users;
                    break;
            }
        }

        if (problems.Count == 0 && lineNumber == 0)
        {
            problems.Add("the file is empty");
        }
        else if (problems.Count == 0 && summaryUsers is null)
        {
            problems.Add("no summary line at the end: the export did not finish (run it again to complete it)");
        }
        else if (problems.Count == 0 && summaryUsers != users)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {summaryLine}: the summary counts {summaryUsers} users but the file holds {users}"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"the snapshot {path} cannot be used, nothing was sent or written: {string.Join("; ", problems)}.");
        }

        return new SnapshotSource(path, new FileInfo(path).Length, poolId!, users, groupsRecorded);
    }

    /// <summary>The pool named by the snapshot's header line; null when the file has no readable header (<see cref="OpenAsync"/> says why).</summary>
    public static async Task<string?> ReadPoolIdAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var line in JsonLinesReader.ReadAsync(System.IO.Path.GetFullPath(path), 0, cancellationToken))
            {
                var header = JsonSerializer.Deserialize(line.Bytes.Span, SnapshotJson.Context.SnapshotLine);
                return header?.Kind == SnapshotLine.HeaderKind && !string.IsNullOrEmpty(header.UserPoolId) ? header.UserPoolId : null;
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }

    public async IAsyncEnumerable<StragglerCandidate> ReadAsync(SourcePosition from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sequence = from.Sequence;
        await foreach (var line in JsonLinesReader.ReadAsync(Path, from.ByteOffset, cancellationToken))
        {
            var parsed = JsonSerializer.Deserialize(line.Bytes.Span, SnapshotJson.Context.SnapshotLine)
                ?? throw new InvalidDataException($"{Path} changed while it was read.");
            if (parsed.Kind != SnapshotLine.UserKind)
            {
                continue;
            }

            // Only the groups on this user's own line: nothing else in the file names groups for a user.
            yield return new StragglerCandidate(
                sequence,
                SnapshotJson.ToOldUser(parsed),
                new SourcePosition { Sequence = sequence, ByteOffset = line.Offset },
                new SourcePosition { Sequence = sequence + 1, ByteOffset = line.End })
            {
                Groups = GroupsRecorded ? (parsed.Groups ?? []) : null,
            };
            sequence++;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
