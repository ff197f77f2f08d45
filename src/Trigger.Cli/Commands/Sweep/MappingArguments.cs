using System.CommandLine;
using Trigger.Cli.Exits;
using Trigger.Contract;
using Trigger.Migration.Attributes;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// The attribute-mapping options in the same words and formats as the trigger's environment
/// (MIGRATION_ATTRIBUTE_RENAMES "old=new,...", MIGRATION_NEW_CUSTOM_ATTRIBUTES "custom:a,custom:b",
/// MIGRATION_LEGACY_SUB_ATTRIBUTE "custom:x"), so one configuration serves both.
/// </summary>
internal static class MappingArguments
{
    /// <summary>
    /// The options <c>--attribute-renames</c>, <c>--new-custom-attributes</c> (defaulting to <paramref name="customDefault"/>)
    /// and <c>--legacy-sub-attribute</c> (described by <paramref name="legacySubDescription"/>), for <see cref="ParseOrFail"/>.
    /// </summary>
    public static (Option<string> Renames, Option<string> Custom, Option<string> LegacySub) CreateOptions(string customDefault, string legacySubDescription) => (
        new Option<string>("--attribute-renames") { Description = $"old=new pairs, comma-separated, as {TriggerSettingNames.AttributeRenames}.", HelpName = "pairs" },
        new Option<string>("--new-custom-attributes")
        {
            Description = $"custom:a,custom:b, as {TriggerSettingNames.NewCustomAttributes} (default: {customDefault}).",
            HelpName = "names",
        },
        new Option<string>("--legacy-sub-attribute") { Description = legacySubDescription, HelpName = "name" });

    /// <summary>The three options' values as mapping options; a malformed value ends the command with exit 2.</summary>
    /// <exception cref="CliFailure">A value is malformed; the message names the option.</exception>
    public static AttributeMappingOptions ParseOrFail(string? renames, string? customAttributes, string? legacySub)
    {
        var renameMap = SettingValues.ParseRenames(renames, out var parsed, out var culprit) switch
        {
            RenamesProblem.NotPairs => throw CliFailure.Usage($"--attribute-renames takes 'old=new' pairs separated by commas, each old name once; '{culprit}' is not one."),
            RenamesProblem.ReservedTarget => throw CliFailure.Usage($"--attribute-renames cannot rename to the reserved attribute '{culprit}'."),
            RenamesProblem.Forbidden => throw CliFailure.Usage($"--attribute-renames {culprit}."),
            _ => parsed,
        };

        var custom = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in List(customAttributes))
        {
            if (!name.StartsWith("custom:", StringComparison.Ordinal) && !name.StartsWith("dev:custom:", StringComparison.Ordinal))
            {
                throw CliFailure.Usage($"--new-custom-attributes lists custom attributes ('custom:name'); '{name}' is not one.");
            }

            custom.Add(name);
        }

        var legacy = string.IsNullOrWhiteSpace(legacySub) ? null : legacySub.Trim();
        return new AttributeMappingOptions { Renames = renameMap, NewCustomAttributes = custom, LegacySubAttribute = legacy };
    }

    private static string[] List(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
