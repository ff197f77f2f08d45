using Trigger.Aws.Cognito;
using Trigger.Migration.Decisions;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>What the sweep needs to know of the new pool, read once with DescribeUserPool.</summary>
internal sealed record NewPoolSchema
{
    /// <summary>Custom attribute names (<c>custom:x</c>).</summary>
    public required IReadOnlySet<string> CustomAttributes { get; init; }

    /// <summary>Attribute name to its data type (String, Number, DateTime, Boolean).</summary>
    public required IReadOnlyDictionary<string, string> DataTypes { get; init; }

    /// <summary>Attributes every user must have (sub excepted: Cognito sets it).</summary>
    public required IReadOnlyList<string> Required { get; init; }

    /// <summary>OFF, ON or OPTIONAL.</summary>
    public string MfaConfiguration { get; init; } = "OFF";

    /// <summary>
    /// How the pool compares names (UsernameConfiguration.CaseSensitive; case-sensitive when the pool does not
    /// say, the API's default). In a case-insensitive pool a user who first signed in as ALICE is the user alice.
    /// </summary>
    public NameRule Names { get; init; } = NameRule.CaseSensitive;

    /// <summary>How many users the pool holds, roughly.</summary>
    public long? EstimatedUsers { get; init; }

    public static NewPoolSchema From(UserPoolType pool)
    {
        var custom = new HashSet<string>(StringComparer.Ordinal);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var required = new List<string>();
        foreach (var attribute in pool.SchemaAttributes ?? [])
        {
            if (string.IsNullOrEmpty(attribute.Name))
            {
                continue;
            }

            // Cognito lists custom attributes as custom:x; some emulators list the bare name of a custom one.
            var name = attribute.Name;
            types[name] = attribute.AttributeDataType ?? "String";
            if (name.StartsWith("custom:", StringComparison.Ordinal))
            {
                custom.Add(name);
            }

            if (attribute.Required == true && name != "sub")
            {
                required.Add(name);
            }
        }

        return new NewPoolSchema
        {
            CustomAttributes = custom,
            DataTypes = types,
            Required = required,
            MfaConfiguration = pool.MfaConfiguration ?? "OFF",
            EstimatedUsers = pool.EstimatedNumberOfUsers,
            Names = NameRule.For(pool.UsernameConfiguration?.CaseSensitive),
        };
    }
}
