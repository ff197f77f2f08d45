using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Trigger.Cli.Files;

/// <summary>
/// Reads one of the tool's small JSON state files (a checkpoint): absent is a normal state (nothing to resume),
/// unreadable is the operator's to decide, so it ends as an <see cref="InvalidDataException"/> naming the file.
/// </summary>
internal static class JsonStateFile
{
    /// <summary>The file at <paramref name="path"/> as <typeparamref name="T"/>; null when there is no such file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="type">The source-generated type to read.</param>
    /// <param name="what">What the file is, for the message (e.g. "sweep checkpoint").</param>
    /// <exception cref="InvalidDataException">The file is not JSON of that type; the message names it and says why.</exception>
    public static T? Read<T>(string path, JsonTypeInfo<T> type, string what)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), type);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a readable {what} ({e.Message})", e);
        }
    }
}
