using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Trigger.Aws.DynamoDb;
using Trigger.Cli.Exits;
using Trigger.Cli.Commands.Sweep;
using Trigger.Cli.Files;
using Trigger.Migration.Ports;
using Trigger.Cli.Pacing;

namespace Trigger.Cli.Commands.FoldIndex;

/// <summary>What an <c>index</c> run did.</summary>
internal sealed record FoldIndexBuildResult(long Users, long Items, long WriteUnits, int Passes, bool Resumed, TimeSpan Elapsed, IReadOnlyList<string> Conflicts);

/// <summary>
/// Writes the fold index into a table with BatchWriteItem (25 puts a call), paced to a write rate in write
/// units a second (one unit per started KB of an item), retrying the UnprocessedItems DynamoDB hands back with
/// backoff, and checkpointing so that an interrupted run resumes where it stopped. Puts replace whole items,
/// so writing an item twice (a resume, a rebuild over an old table) is harmless.
/// </summary>
internal sealed class FoldIndexBuilder(IAmazonDynamoDB dynamo, string table, RequestPace pace, TimeProvider time, TextWriter progress)
{
    /// <summary>BatchWriteItem takes at most 25 requests.</summary>
    public const int BatchSize = 25;

    private const int MaxRoundsWithoutProgress = 10;
    private static readonly TimeSpan _checkpointEvery = TimeSpan.FromSeconds(1);

    public async Task<FoldIndexBuildResult> BuildAsync(SnapshotSource source, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var passes = FoldIndexContents.PassesFor(source.ExpectedUsers ?? 0);
        var checkpointPath = source.Path + ".index-checkpoint";
        var resume = await ReadCheckpointAsync(checkpointPath, cancellationToken);
        var resumed = resume is not null && resume.Continues(table, source.Length, passes);
        if (resume is not null && !resumed)
        {
            await progress.WriteLineAsync($"{checkpointPath} belongs to another table, snapshot or pass count: starting over (puts are idempotent).");
        }

        var checkpoint = resumed ? resume! : new FoldIndexCheckpoint { Table = table, SnapshotBytes = source.Length, Passes = passes };
        var conflicts = new List<string>();
        long items = 0;
        long units = 0;
        var lastSaved = time.GetTimestamp();
        for (var pass = 0; pass < passes; pass++)
        {
            var contents = await FoldIndexContents.ReadPassAsync(source, pass, passes, cancellationToken);
            items += contents.Count;
            conflicts.AddRange(FoldIndexContents.Conflicts(contents).Select(FoldIndexContents.Describe));
            if (pass < checkpoint.Pass)
            {
                continue;
            }

            var skip = pass == checkpoint.Pass ? checkpoint.Written : 0;
            for (var offset = (int)skip; offset < contents.Count; offset += BatchSize)
            {
                var batch = contents.GetRange(offset, Math.Min(BatchSize, contents.Count - offset));
                units += await WriteBatchAsync(batch, cancellationToken);
                checkpoint = checkpoint with { Pass = pass, Written = offset + batch.Count, TotalWritten = checkpoint.TotalWritten + batch.Count };
                if (time.GetElapsedTime(lastSaved) >= _checkpointEvery)
                {
                    await SaveCheckpointAsync(checkpointPath, checkpoint);
                    lastSaved = time.GetTimestamp();
                }
            }

            checkpoint = checkpoint with { Pass = pass + 1, Written = 0 };
            await SaveCheckpointAsync(checkpointPath, checkpoint);
        }

        // Complete: the next run is a rebuild, not a resume.
        File.Delete(checkpointPath);
        return new FoldIndexBuildResult(source.ExpectedUsers ?? 0, items, units, passes, resumed, time.GetElapsedTime(started), conflicts);
    }

    /// <summary>Write units one item costs: one per started KB of its names and values (DynamoDB item size).</summary>
    public static int WriteUnits(string folded, IReadOnlyList<FoldedNameOwner> owners)
    {
        // Attribute names and values in UTF-8, plus about 3 bytes for each list and map element.
        var bytes = FoldIndexItem.KeyAttribute.Length + Encoding.UTF8.GetByteCount(folded) + FoldIndexItem.OwnersAttribute.Length + 3;
        foreach (var owner in owners)
        {
            bytes += 3 + 3 + 2 + Encoding.UTF8.GetByteCount(owner.Username) + Encoding.UTF8.GetByteCount(owner.Attribute);
        }

        return (bytes + 1023) / 1024;
    }

    private async Task<int> WriteBatchAsync(List<KeyValuePair<string, List<FoldedNameOwner>>> batch, CancellationToken cancellationToken)
    {
        var units = batch.Sum(item => WriteUnits(item.Key, item.Value));
        for (var left = units; left > 0;)
        {
            var take = Math.Min(left, (int)pace.Burst);
            using var lease = await pace.AcquireAsync(take, cancellationToken);
            left -= take;
        }

        var pending = new Dictionary<string, List<WriteRequest>>(StringComparer.Ordinal)
        {
            [table] = [.. batch.Select(item => new WriteRequest { PutRequest = new PutRequest { Item = FoldIndexItem.ToItem(item.Key, item.Value) } })],
        };
        var delay = TimeSpan.FromMilliseconds(50);
        var roundsWithoutProgress = 0;
        while (true)
        {
            var before = pending[table].Count;
            var response = await dynamo.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, cancellationToken);
            if (response.UnprocessedItems is not { Count: > 0 } unprocessed || !unprocessed.TryGetValue(table, out var left) || left.Count == 0)
            {
                return units;
            }

            // DynamoDB accepted part of the batch (throttled, or a partition busy): back off, then send the rest.
            roundsWithoutProgress = left.Count < before ? 0 : roundsWithoutProgress + 1;
            if (roundsWithoutProgress >= MaxRoundsWithoutProgress)
            {
                throw new CliFailure($"DynamoDB left {left.Count} items of a batch unprocessed {MaxRoundsWithoutProgress} times in a row: the table is throttling. Lower --write-rate and run again to resume.");
            }

            pending = new Dictionary<string, List<WriteRequest>>(StringComparer.Ordinal) { [table] = left };
            await Task.Delay(delay, time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
        }
    }

    private static async Task<FoldIndexCheckpoint?> ReadCheckpointAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(stream, FoldIndexJsonContext.Default.FoldIndexCheckpoint, cancellationToken);
        }
        catch (JsonException)
        {
            // A torn or foreign file: start over (the writes are idempotent).
            return null;
        }
    }

    private static Task SaveCheckpointAsync(string path, FoldIndexCheckpoint checkpoint) =>
        DurableFiles.Instance.ReplaceAsync(path, stream => JsonSerializer.SerializeAsync(stream, checkpoint, FoldIndexJsonContext.Default.FoldIndexCheckpoint));

    /// <summary>The result in one line.</summary>
    public static string Summary(FoldIndexBuildResult result, string table) => string.Create(
        CultureInfo.InvariantCulture,
        $"Indexed {result.Items} folded names of {result.Users} old users into {table} ({result.WriteUnits} write units{(result.Resumed ? ", resumed" : "")}, {result.Passes} pass(es), {result.Elapsed.TotalSeconds:0.0} s); {result.Conflicts.Count} conflict(s).");
}
