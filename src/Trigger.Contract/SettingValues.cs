using System.Globalization;

namespace Trigger.Contract;

/// <summary>The formats of the trigger's setting values: how the CDK app and <c>plan</c> write them and the function reads them.</summary>
public static class SettingValues
{
    /// <summary>The shortest minimum password length Cognito accepts.</summary>
    public const int ShortestMinimumLength = 6;

    /// <summary>The longest minimum password length Cognito accepts.</summary>
    public const int LongestMinimumLength = 99;

    /// <summary>The values of the weak-password action: <c>reset</c> (the default), <c>refuse</c>, <c>allow</c>.</summary>
    public static IReadOnlyList<string> WeakPasswordActions { get; } = ["reset", "refuse", "allow"];

    /// <summary>A comma-separated list, entries trimmed, empty ones dropped; none for null.</summary>
    public static string[] List(string? value) =>
        value is null ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The entries, comma-separated.</summary>
    public static string FormatList(IEnumerable<string> entries) => string.Join(',', entries);

    /// <summary>
    /// Reads <c>old=new,old2=new2</c>, pair by pair. Stops at the first pair that is not <c>old=new</c> with
    /// both sides non-empty or names an old attribute twice (<see cref="RenamesProblem.NotPairs"/>, the pair
    /// in <paramref name="culprit"/>), or that renames to a name Cognito reserves
    /// (<see cref="RenamesProblem.ReservedTarget"/>, that name in <paramref name="culprit"/>).
    /// </summary>
    public static RenamesProblem ParseRenames(string? value, out Dictionary<string, string> renames, out string? culprit)
    {
        renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in List(value))
        {
            var parts = pair.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0 || !renames.TryAdd(parts[0], parts[1]))
            {
                culprit = pair;
                return RenamesProblem.NotPairs;
            }

            if (IsReservedAttribute(parts[1]))
            {
                culprit = parts[1];
                return RenamesProblem.ReservedTarget;
            }
        }

        culprit = RenameRules.Problem(renames);
        return culprit is null ? RenamesProblem.None : RenamesProblem.Forbidden;
    }

    /// <summary>
    /// What <see cref="ParseRenames"/> found wrong, as one sentence that starts with where the value came from
    /// (<paramref name="subject"/>: the variable, or the option that takes the same value), so the function and
    /// the ops tool word it alike; null for <see cref="RenamesProblem.None"/>.
    /// </summary>
    public static string? DescribeRenamesProblem(string subject, RenamesProblem problem, string? culprit) => problem switch
    {
        RenamesProblem.NotPairs => $"{subject} takes old=new pairs separated by commas, each old name once; '{culprit}' is not one.",
        RenamesProblem.ReservedTarget => $"{subject} cannot rename to the reserved attribute '{culprit}'.",
        RenamesProblem.Forbidden => $"{subject} {culprit}.",
        _ => null,
    };

    /// <summary>
    /// Names that must never be returned to Cognito, whatever the configuration says: Cognito owns
    /// them (<c>sub</c>, <c>cognito:*</c>, <c>identities</c>) or they are set only through the dedicated field.
    /// </summary>
    public static bool IsReservedAttribute(string name) =>
        name is "sub" or "username" or "identities"
        || name.StartsWith("cognito:", StringComparison.Ordinal);

    /// <summary><c>old=new</c> pairs, comma-separated, in the order given.</summary>
    public static string FormatRenames(IEnumerable<KeyValuePair<string, string>> renames) =>
        FormatList(renames.Select(pair => $"{pair.Key}={pair.Value}"));

    /// <summary><c>min=8,lowercase,uppercase,numbers,symbols</c>, listing only the required classes.</summary>
    public static string FormatPasswordPolicy(int minimumLength, bool lowercase, bool uppercase, bool numbers, bool symbols)
    {
        var parts = new List<string> { "min=" + minimumLength.ToString(CultureInfo.InvariantCulture) };
        if (lowercase)
        {
            parts.Add("lowercase");
        }

        if (uppercase)
        {
            parts.Add("uppercase");
        }

        if (numbers)
        {
            parts.Add("numbers");
        }

        if (symbols)
        {
            parts.Add("symbols");
        }

        return FormatList(parts);
    }
}
