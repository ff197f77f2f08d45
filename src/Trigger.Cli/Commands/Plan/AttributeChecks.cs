using System.Globalization;
using Trigger.Aws.Cognito;
using Trigger.Contract;

namespace Trigger.Cli.Commands.Plan;

/// <summary>
/// Attributes: what old users carry that the new schema lacks, custom attributes whose type,
/// mutability or constraints differ, and attributes the new pool requires that old users may lack.
/// The trigger drops attributes the new schema lacks and Cognito refuses values outside the new
/// constraints (failing that user's whole migration), so both are blocking.
/// </summary>
internal static class AttributeChecks
{
    private const string Area = "attributes";

    // Cognito owns these; the trigger never returns them, so they need no home in the new schema.
    private static readonly HashSet<string> _notMigrated = new(StringComparer.Ordinal) { "sub", "identities", "username" };

    public static IEnumerable<Finding> Run(PlanInput input)
    {
        var oldSchema = Schema(input.OldPool);
        var newSchema = Schema(input.NewPool);
        var sample = input.Sample;

        foreach (var (name, oldAttribute) in oldSchema)
        {
            if (_notMigrated.Contains(name))
            {
                continue;
            }

            var target = input.Renames.TryGetValue(name, out var renamed) ? renamed : name;
            if (!newSchema.TryGetValue(target, out var newAttribute))
            {
                yield return Missing(name, target, oldAttribute.AttributeDataType, sample, fromSchema: true);
                continue;
            }

            foreach (var finding in Compare(name, target, oldAttribute, newAttribute))
            {
                yield return finding;
            }
        }

        // Users can carry names the old schema does not list (an emulator, or dev:custom: attributes).
        foreach (var name in sample?.AttributeNames() ?? [])
        {
            if (_notMigrated.Contains(name) || name.StartsWith("cognito:", StringComparison.Ordinal) || oldSchema.ContainsKey(name))
            {
                continue;
            }

            var target = input.Renames.TryGetValue(name, out var renamed) ? renamed : name;
            if (!newSchema.ContainsKey(target))
            {
                yield return Missing(name, target, dataType: null, sample, fromSchema: false);
            }
        }

        foreach (var (name, newAttribute) in newSchema)
        {
            if (newAttribute.Required != true || _notMigrated.Contains(name))
            {
                continue;
            }

            var source = input.Renames.FirstOrDefault(r => r.Value == name).Key ?? name;
            var requiredInOld = oldSchema.TryGetValue(source, out var oldAttribute) && oldAttribute.Required == true;
            var lacking = sample?.Users.Count(u => UserSample.Value(u, source) is null);
            if (requiredInOld && lacking is null or 0)
            {
                continue;
            }

            var evidence = lacking is { } count
                ? $" {count} of the {sample!.Count} sampled old users have no {source}."
                : "";
            yield return new Finding(
                "attribute-required",
                Severity.Warning,
                Area,
                $"The new pool requires {name}, which the old pool does not require, so old users may lack it; Cognito then migrates them with a default value.{evidence}",
                $"Fill {source} in for old users before the window, or map another attribute onto {name} with {TriggerSettingNames.AttributeRenames}.");
        }
    }

    private static Finding Missing(string name, string target, string? dataType, UserSample? sample, bool fromSchema)
    {
        var carriers = sample?.CountCarrying(name);
        var severity = carriers == 0 ? Severity.Warning : Severity.Blocking;
        var source = fromSchema ? $"The old pool's schema has {name}{(dataType is null ? "" : $" ({dataType})")}" : $"Old users carry {name}";
        var lacks = target == name ? $"the new pool's schema has no {name}" : $"the new pool's schema has no {target} (renamed from {name})";
        var evidence = carriers switch
        {
            null => "",
            0 => $" None of the {sample!.Count} sampled old users has a value.",
            _ => $" {carriers} of the {sample!.Count} sampled old users have a value.",
        };
        return new Finding(
            "attribute-missing",
            severity,
            Area,
            $"{source} but {lacks}: the trigger drops it and those values are lost.{evidence}",
            $"Add {target} to the new pool (AddCustomAttributes, type {dataType ?? "as in the old pool"}), or map it to an existing attribute with --attribute-renames and {TriggerSettingNames.AttributeRenames}.");
    }

    private static IEnumerable<Finding> Compare(string name, string target, SchemaAttributeType oldAttribute, SchemaAttributeType newAttribute)
    {
        var label = target == name ? name : $"{name} (new: {target})";
        var oldType = oldAttribute.AttributeDataType ?? "String";
        var newType = newAttribute.AttributeDataType ?? "String";
        if (!string.Equals(oldType, newType, StringComparison.Ordinal))
        {
            yield return new Finding(
                "attribute-type",
                Severity.Blocking,
                Area,
                $"{label} is {oldType} in the old pool but {newType} in the new pool: values that do not fit fail the whole migration of their user.",
                $"A custom attribute's type cannot change: add a new {oldType} attribute to the new pool and map {name} onto it with {TriggerSettingNames.AttributeRenames}.");
            yield break;
        }

        var narrower = NarrowerConstraints(oldType, oldAttribute, newAttribute);
        if (narrower is not null)
        {
            yield return new Finding(
                "attribute-constraints",
                Severity.Blocking,
                Area,
                $"{label} accepts less in the new pool ({narrower}): Cognito refuses a value outside the new constraints and the user's whole migration fails.",
                $"Constraints cannot change after creation: add an attribute with the old pool's constraints to the new pool and map {name} onto it with {TriggerSettingNames.AttributeRenames}.");
        }

        if (oldAttribute.Mutable != false && newAttribute.Mutable == false)
        {
            yield return new Finding(
                "attribute-immutable",
                Severity.Warning,
                Area,
                $"{label} can change in the old pool but not in the new pool: it is set once at migration and users or apps cannot update it afterwards.",
                $"Accept it, or add a mutable attribute to the new pool and map {name} onto it with {TriggerSettingNames.AttributeRenames}.");
        }

        if ((oldAttribute.DeveloperOnlyAttribute ?? false) != (newAttribute.DeveloperOnlyAttribute ?? false))
        {
            var now = newAttribute.DeveloperOnlyAttribute == true ? "developer-only (apps can no longer read or write it)" : "readable and writable by apps";
            yield return new Finding(
                "attribute-developer-only",
                Severity.Warning,
                Area,
                $"{label} is {now} in the new pool, unlike the old pool.",
                $"Check the apps that read {name}, or add an attribute with the old access to the new pool.");
        }
    }

    private static string? NarrowerConstraints(string type, SchemaAttributeType oldAttribute, SchemaAttributeType newAttribute)
    {
        if (type == "String")
        {
            // Cognito's defaults when a String attribute sets no constraints: 0 to 2048 characters.
            var oldMin = Number(oldAttribute.StringAttributeConstraints?.MinLength) ?? 0;
            var oldMax = Number(oldAttribute.StringAttributeConstraints?.MaxLength) ?? 2048;
            var newMin = Number(newAttribute.StringAttributeConstraints?.MinLength) ?? 0;
            var newMax = Number(newAttribute.StringAttributeConstraints?.MaxLength) ?? 2048;
            return newMin > oldMin || newMax < oldMax
                ? $"length {newMin}-{newMax}, old pool {oldMin}-{oldMax}"
                : null;
        }

        if (type == "Number")
        {
            var oldMin = Number(oldAttribute.NumberAttributeConstraints?.MinValue);
            var oldMax = Number(oldAttribute.NumberAttributeConstraints?.MaxValue);
            var newMin = Number(newAttribute.NumberAttributeConstraints?.MinValue);
            var newMax = Number(newAttribute.NumberAttributeConstraints?.MaxValue);
            var raisedMin = newMin is { } nMin && (oldMin is null || nMin > oldMin);
            var loweredMax = newMax is { } nMax && (oldMax is null || nMax < oldMax);
            return raisedMin || loweredMax
                ? $"values {Bound(newMin)} to {Bound(newMax)}, old pool {Bound(oldMin)} to {Bound(oldMax)}"
                : null;
        }

        return null;
    }

    private static decimal? Number(string? value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string Bound(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "any";

    private static Dictionary<string, SchemaAttributeType> Schema(UserPoolType pool)
    {
        var schema = new Dictionary<string, SchemaAttributeType>(StringComparer.Ordinal);
        foreach (var attribute in pool.SchemaAttributes ?? [])
        {
            if (!string.IsNullOrEmpty(attribute.Name))
            {
                schema.TryAdd(attribute.Name, attribute);
            }
        }

        return schema;
    }
}
