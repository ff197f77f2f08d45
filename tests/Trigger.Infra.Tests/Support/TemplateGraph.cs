using System.Text.Json.Nodes;

namespace Trigger.Infra.Tests;

/// <summary>
/// The dependency graph CloudFormation builds from Ref, Fn::GetAtt, Fn::Sub and DependsOn; a cycle
/// in it fails the deployment, so the tests look for one before AWS does.
/// </summary>
internal static class TemplateGraph
{
    /// <summary>The logical ids of one dependency cycle, or an empty list when there is none.</summary>
    public static IReadOnlyList<string> FindCycle(JsonObject template)
    {
        var resources = template["Resources"]!.AsObject();
        var edges = resources.ToDictionary(
            pair => pair.Key,
            pair => References(pair.Value!).Where(resources.ContainsKey).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);

        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path, true: done
        var path = new List<string>();
        foreach (var start in edges.Keys)
        {
            if (Visit(start, edges, state, path) is { Count: > 0 } cycle)
            {
                return cycle;
            }
        }

        return [];
    }

    private static List<string> Visit(string node, Dictionary<string, HashSet<string>> edges, Dictionary<string, bool> state, List<string> path)
    {
        if (state.TryGetValue(node, out var done))
        {
            return done ? [] : [.. path[path.IndexOf(node)..], node];
        }

        state[node] = false;
        path.Add(node);
        foreach (var next in edges[node])
        {
            if (Visit(next, edges, state, path) is { Count: > 0 } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        state[node] = true;
        return [];
    }

    private static IEnumerable<string> References(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "Ref" && value is JsonValue refValue)
                    {
                        yield return refValue.GetValue<string>();
                    }
                    else if (key == "Fn::GetAtt" && value is JsonArray getAtt)
                    {
                        yield return getAtt[0]!.GetValue<string>();
                    }
                    else if (key == "DependsOn")
                    {
                        foreach (var dependency in value is JsonArray many ? many.Select(d => d!.GetValue<string>()) : [value!.GetValue<string>()])
                        {
                            yield return dependency;
                        }
                    }
                    else if (key == "Fn::Sub")
                    {
                        var text = value is JsonArray sub ? sub[0]!.GetValue<string>() : value!.GetValue<string>();
                        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(text, @"\$\{([A-Za-z0-9]+)"))
                        {
                            yield return match.Groups[1].Value;
                        }
                    }

                    if (value is not null)
                    {
                        foreach (var reference in References(value))
                        {
                            yield return reference;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    foreach (var reference in References(item))
                    {
                        yield return reference;
                    }
                }

                break;
        }
    }
}
