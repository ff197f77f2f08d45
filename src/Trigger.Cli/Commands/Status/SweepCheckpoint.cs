using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trigger.Cli.Commands.Status;

/// <summary>
/// Reads the sweep's checkpoint file without depending on its format: when it is a JSON object,
/// its top-level scalar fields (counts, timestamps, the last username) are the summary.
/// </summary>
internal static class SweepCheckpoint
{
    public static async Task<CheckpointSummary> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return new CheckpointSummary(path, Found: false, Readable: false, []);
        }

        try
        {
            await using var stream = File.OpenRead(path);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new CheckpointSummary(path, Found: true, Readable: false, []);
            }

            var fields = document.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                .Select(p => new CheckpointField(p.Name, JsonNode.Parse(p.Value.GetRawText())))
                .ToList();
            return new CheckpointSummary(path, Found: true, Readable: true, fields);
        }
        catch (JsonException)
        {
            return new CheckpointSummary(path, Found: true, Readable: false, []);
        }
        catch (IOException exception)
        {
            throw new Exits.CliFailure($"The checkpoint {path} could not be read: {exception.Message}", exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new Exits.CliFailure($"The checkpoint {path} could not be read: {exception.Message}", exception);
        }
    }
}
