namespace Trigger.Aws.PoolAdapters;

/// <summary>ListUsers filter syntax (<c>attribute = "value"</c>), which only this adapter speaks.</summary>
internal static class ListUsersFilter
{
    /// <summary>
    /// An exact-match filter on <paramref name="attribute"/>. The value is escaped: a quote or backslash
    /// would otherwise end the string early or change the filter.
    /// </summary>
    public static string ExactMatch(string attribute, string value) =>
        $"{attribute} = \"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
