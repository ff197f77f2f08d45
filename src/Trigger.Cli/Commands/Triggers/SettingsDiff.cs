using System.Text.Json.Nodes;

namespace Trigger.Cli.Commands.Triggers;

/// <summary>One pool setting that differs, by its dotted path (for example <c>LambdaConfig.UserMigration</c>).</summary>
/// <param name="Setting">The dotted path.</param>
/// <param name="Before">The value before, or null when it was not set.</param>
/// <param name="After">The value after, or null when it is not set.</param>
internal sealed record SettingChange(string Setting, JsonNode? Before, JsonNode? After);

/// <summary>
/// Compares two pools' settings member by member. Objects are walked (a missing object counts as an
/// empty one, so an absent <c>LambdaConfig</c> equals <c>{}</c>); arrays and values are compared whole.
/// </summary>
internal static class SettingsDiff
{
    public static IReadOnlyList<SettingChange> Compare(JsonObject before, JsonObject after)
    {
        var changes = new List<SettingChange>();
        Walk(string.Empty, before, after, changes);
        return changes;
    }

    private static void Walk(string prefix, JsonObject? before, JsonObject? after, List<SettingChange> changes)
    {
        var names = (before?.Select(p => p.Key) ?? []).Concat(after?.Select(p => p.Key) ?? []).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var path = prefix.Length == 0 ? name : prefix + "." + name;
            var left = Present(before?[name]);
            var right = Present(after?[name]);
            if ((left is JsonObject || right is JsonObject) && (left is null or JsonObject) && (right is null or JsonObject))
            {
                Walk(path, left as JsonObject, right as JsonObject, changes);
            }
            else if (!JsonNode.DeepEquals(left, right))
            {
                changes.Add(new SettingChange(path, left?.DeepClone(), right?.DeepClone()));
            }
        }
    }

    // A JSON null and a missing member mean the same thing to Cognito.
    private static JsonNode? Present(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Null ? null : node;
}
