using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

using Trigger.Cli.Pacing;

namespace Trigger.Cli.Options;

/// <summary>An option that takes a whole number in a range, with a message that says so when it does not get one.</summary>
internal static class CountOption
{
    public static Option<int?> Optional(string name, string description, int minimum, int maximum, string helpName = "N") => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result => Parse(result, name, minimum, maximum),
    };

    public static Option<int> WithDefault(string name, string description, int minimum, int maximum, int defaultValue, string helpName = "n") => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Parse(result, name, minimum, maximum) ?? defaultValue,
    };

    /// <summary>The <c>--pages-per-second</c> option of the commands that list users.</summary>
    public static Option<int> PagesPerSecond(string forWhat) => WithDefault(
        "--pages-per-second",
        $"ListUsers pages read per second {forWhat} (1 to 30; the UserList quota is 30 per account and region). Default {RequestPace.DefaultPagesPerSecond}.",
        1,
        30,
        RequestPace.DefaultPagesPerSecond);

    private static int? Parse(ArgumentResult result, string name, int minimum, int maximum)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
        {
            return value;
        }

        result.AddError($"{name} takes a whole number from {minimum} to {maximum}, not '{text}'.");
        return null;
    }
}
