using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Trigger.Testing;

/// <summary>
/// Runs an uploaded import CSV against a pool the way the Cognito developer guide describes it
/// ("Preparing the user import CSV file", "Viewing the user pool import results"): an unreadable
/// file or a wrong header fails the job; a bad row fails that row only; an existing username is
/// skipped; imported users land in RESET_REQUIRED without a password.
/// </summary>
internal static partial class ImportCsv
{
    private const int MaxRowCharacters = 16_000;
    private const int MaxRows = 500_000;
    private const string NoVerifiedContact =
        "The User Record does not set any of the auto verified attributes to true. (Example: email_verified to true).";

    public static ImportOutcome Run(FakeUserPool pool, byte[]? file, double now)
    {
        if (file is null || file.Length == 0)
        {
            return ImportOutcome.JobFailed("No CSV file was uploaded to the pre-signed URL.");
        }

        if (file is [0xEF, 0xBB, 0xBF, ..])
        {
            return ImportOutcome.JobFailed("The CSV file starts with a UTF-8 byte order mark; it must be UTF-8 without BOM.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(file);
        }
        catch (DecoderFallbackException)
        {
            return ImportOutcome.JobFailed("The CSV file is not valid UTF-8.");
        }

        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count == 0)
        {
            return ImportOutcome.JobFailed("The CSV file is empty.");
        }

        if (lines.Count - 1 > MaxRows)
        {
            return ImportOutcome.JobFailed($"The CSV file has more than {MaxRows} rows.");
        }

        var header = SplitRow(lines[0]);
        var expected = pool.CsvHeader();
        var headerProblem = HeaderProblem(header, expected);
        if (headerProblem is not null)
        {
            return ImportOutcome.JobFailed(headerProblem);
        }

        var outcome = new ImportOutcome();
        for (var index = 1; index < lines.Count; index++)
        {
            var lineNumber = index + 1;
            var (result, reason) = ImportRow(pool, header, lines[index], now);
            outcome.Add(new FakeImportLine(lineNumber, result, reason));
        }

        return outcome;
    }

    private static (string Outcome, string Reason) ImportRow(FakeUserPool pool, IReadOnlyList<string> header, string line, double now)
    {
        const string Failed = "FAILED";
        if (line.Length > MaxRowCharacters)
        {
            return (Failed, $"The row is longer than {MaxRowCharacters} characters.");
        }

        var values = SplitRow(line);
        if (values.Count != header.Count)
        {
            return (Failed, $"The row has {values.Count} values; the header has {header.Count} columns.");
        }

        var row = header.Zip(values).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        var username = row["cognito:username"];
        if (username.Length == 0)
        {
            return (Failed, "cognito:username is empty.");
        }

        if (pool.Exists(username))
        {
            return ("SKIPPED", "The user already exists.");
        }

        var mfa = row["cognito:mfa_enabled"];
        if (mfa is not ("true" or "false"))
        {
            return (Failed, "cognito:mfa_enabled must be true or false.");
        }

        if (mfa == "true" && pool.MfaConfiguration == "OFF")
        {
            return (Failed, "cognito:mfa_enabled is true but the user pool has MFA turned off.");
        }

        if (mfa == "false" && pool.MfaConfiguration == "ON")
        {
            return (Failed, "cognito:mfa_enabled is false but the user pool requires MFA.");
        }

        var emailVerified = row["email_verified"] == "true" && row["email"].Length > 0;
        var phoneVerified = row["phone_number_verified"] == "true" && row["phone_number"].Length > 0;
        if (!emailVerified && !phoneVerified)
        {
            return (Failed, NoVerifiedContact);
        }

        if (row["birthdate"].Length > 0 && !Birthdate().IsMatch(row["birthdate"]))
        {
            return (Failed, "birthdate must be mm/dd/yyyy.");
        }

        if (row["updated_at"].Length > 0 && !long.TryParse(row["updated_at"], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return (Failed, "updated_at must be a number of seconds since the epoch.");
        }

        var attributes = row.Where(p => !p.Key.StartsWith("cognito:", StringComparison.Ordinal) && p.Value.Length > 0)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var schemaProblem = pool.SchemaProblem(attributes, requireRequired: true);
        if (schemaProblem is not null)
        {
            return (Failed, schemaProblem);
        }

        var user = pool.Add(username, now);
        user.Status = "RESET_REQUIRED";
        user.Attributes["sub"] = Guid.NewGuid().ToString();
        foreach (var (name, value) in attributes)
        {
            user.Attributes[name] = value;
        }

        return ("SUCCEEDED", "The import succeeded.");
    }

    private static string? HeaderProblem(IReadOnlyList<string> header, IReadOnlyList<string> expected)
    {
        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return $"The CSV header repeats the column '{duplicate.Key}'.";
        }

        var missing = expected.Except(header, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            return $"The CSV header lacks columns of GetCSVHeader: {string.Join(", ", missing)}.";
        }

        var unknown = header.Except(expected, StringComparer.Ordinal).ToList();
        return unknown.Count > 0 ? $"The CSV header has columns the pool does not know: {string.Join(", ", unknown)}." : null;
    }

    /// <summary>Splits on commas; a backslash before a comma makes it part of the value. No quoting.</summary>
    internal static List<string> SplitRow(string line)
    {
        var values = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] == ',')
            {
                current.Append(',');
                i++;
            }
            else if (line[i] == ',')
            {
                values.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(line[i]);
            }
        }

        values.Add(current.ToString());
        return values;
    }

    [GeneratedRegex(@"^(0[1-9]|1[0-2])/(0[1-9]|[12][0-9]|3[01])/[0-9]{4}$")]
    private static partial Regex Birthdate();
}
