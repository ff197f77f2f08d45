using System.Globalization;
using System.Text;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// One row of a Cognito user import CSV, following the import rules (Amazon Cognito developer
/// guide, "Preparing the user import CSV file"): every GetCSVHeader column present in order, empty when
/// unknown; commas in a value escaped with a backslash, no quoting; <c>cognito:mfa_enabled</c> true or
/// false; a verified email or phone with its value; birthdate as mm/dd/yyyy; updated_at in epoch seconds;
/// at most 16,000 characters. A value the format cannot carry makes the user unmappable, not a broken row.
/// </summary>
internal static class CsvImportRow
{
    public const int MaxCharacters = 16_000;
    public const string UsernameColumn = "cognito:username";
    public const string MfaColumn = "cognito:mfa_enabled";
    public const string Unrepresentable = "UnrepresentableInCsv";

    /// <summary>The row (without line feed), or the reason and detail it cannot be written.</summary>
    public static (string? Row, string? Reason, string? Detail) Build(
        IReadOnlyList<string> header, string username, IReadOnlyDictionary<string, string> attributes, bool mfaEnabled)
    {
        foreach (var name in attributes.Keys)
        {
            if (!header.Contains(name, StringComparer.Ordinal))
            {
                return (null, Unrepresentable, $"the import file has no column for '{name}'");
            }
        }

        var emailVerified = Value(attributes, "email_verified") == "true" && Value(attributes, "email").Length > 0;
        var phoneVerified = Value(attributes, "phone_number_verified") == "true" && Value(attributes, "phone_number").Length > 0;
        if (!emailVerified && !phoneVerified)
        {
            return (null, Unrepresentable, "an imported user needs email_verified or phone_number_verified true with its value");
        }

        var row = new StringBuilder();
        for (var index = 0; index < header.Count; index++)
        {
            var column = header[index];
            var value = column switch
            {
                UsernameColumn => username,
                MfaColumn => mfaEnabled ? "true" : "false",
                _ => Value(attributes, column),
            };
            if (column == "birthdate" && value.Length > 0)
            {
                if (Birthdate(value) is not { } converted)
                {
                    return (null, Unrepresentable, $"birthdate '{value}' is neither YYYY-MM-DD nor MM/DD/YYYY");
                }

                value = converted;
            }

            if (column == "updated_at" && value.Length > 0 && !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return (null, Unrepresentable, $"updated_at '{value}' is not a number of seconds since the epoch");
            }

            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                return (null, Unrepresentable, $"'{column}' holds a line break, which an import row cannot carry");
            }

            // "a\" followed by the separator would read as an escaped comma.
            if (value.EndsWith('\\'))
            {
                return (null, Unrepresentable, $"'{column}' ends with a backslash, which an import row cannot carry");
            }

            if (index > 0)
            {
                row.Append(',');
            }

            row.Append(value.Replace(",", "\\,", StringComparison.Ordinal));
        }

        if (row.Length > MaxCharacters)
        {
            return (null, Unrepresentable, $"the row would have {row.Length} characters; an import row may have {MaxCharacters}");
        }

        return (row.ToString(), null, null);
    }

    private static string Value(IReadOnlyDictionary<string, string> attributes, string name) =>
        attributes.TryGetValue(name, out var value) ? value : string.Empty;

    // Cognito stores birthdate as OIDC's YYYY-MM-DD; the import file wants mm/dd/yyyy.
    private static string? Birthdate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture)
            : DateOnly.TryParseExact(value, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? value : null;
}
