using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Trigger.Cli.Output;

/// <summary>Writes a command's result as one JSON document (source-generated, one JsonSerializerContext per command).</summary>
internal static class JsonOutput
{
    public static void Write<T>(TextWriter writer, T value, JsonTypeInfo<T> typeInfo) =>
        writer.WriteLine(JsonSerializer.Serialize(value, typeInfo));
}
