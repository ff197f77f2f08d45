using System.Text.RegularExpressions;

namespace Trigger.Testing;

/// <summary>
/// ListUsers <c>Filter</c>: <c>attribute = "value"</c> (exact) or <c>attribute ^= "value"</c> (prefix),
/// one attribute, searchable ones only (API reference, ListUsers). <c>username</c>, <c>status</c>
/// (Enabled/Disabled) are case sensitive, <c>cognito:user_status</c> is not. In a case-insensitive pool
/// <c>email</c> and <c>preferred_username</c> match in any letter case (developer guide, "User pool case
/// sensitivity": such a pool makes those two attributes case-insensitive as well); the other attributes are
/// compared exactly here (the reference does not say).
/// </summary>
internal sealed partial class UserFilter
{
    private static readonly HashSet<string> _searchable = new(StringComparer.Ordinal)
    {
        "username", "email", "phone_number", "name", "given_name", "family_name", "preferred_username",
        "cognito:user_status", "status", "sub",
    };

    private readonly string? _attribute;
    private readonly bool _prefix;
    private readonly string _value = string.Empty;

    private UserFilter(string? attribute, bool prefix, string value)
    {
        _attribute = attribute;
        _prefix = prefix;
        _value = value;
    }

    public static UserFilter Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return new UserFilter(null, false, string.Empty);
        }

        var match = Expression().Match(filter);
        if (!match.Success)
        {
            throw CognitoFault.InvalidParameter("Error while parsing filter.");
        }

        var attribute = match.Groups["attr"].Value;
        if (!_searchable.Contains(attribute))
        {
            throw CognitoFault.InvalidParameter($"Invalid search attribute: {attribute}");
        }

        var value = Unescape(match.Groups["value"].Value);
        return new UserFilter(attribute, match.Groups["op"].Value == "^=", value);
    }

    public bool Matches(FakeUser user, bool caseSensitivePool = true)
    {
        if (_attribute is null)
        {
            return true;
        }

        var (actual, comparison) = _attribute switch
        {
            "username" => (user.Username, StringComparison.Ordinal),
            "status" => (user.Enabled ? "Enabled" : "Disabled", StringComparison.Ordinal),
            "cognito:user_status" => (user.Status, StringComparison.OrdinalIgnoreCase),
            _ => (user.Attribute(_attribute), StringComparison.Ordinal),
        };
        if (actual is null)
        {
            return false;
        }

        if (!caseSensitivePool && _attribute is "email" or "preferred_username")
        {
            // Folded to lowercase, as the pool folds names (not OrdinalIgnoreCase, which upper-cases).
            var (folded, value) = (actual.ToLowerInvariant(), _value.ToLowerInvariant());
            return _prefix ? folded.StartsWith(value, StringComparison.Ordinal) : string.Equals(folded, value, StringComparison.Ordinal);
        }

        return _prefix ? actual.StartsWith(_value, comparison) : string.Equals(actual, _value, comparison);
    }

    // A backslash escapes the next character (the reference's way of putting quotes in a value).
    private static string Unescape(string raw)
    {
        var builder = new System.Text.StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            builder.Append(raw[i] == '\\' && i + 1 < raw.Length ? raw[++i] : raw[i]);
        }

        return builder.ToString();
    }

    [GeneratedRegex("""^\s*(?<attr>[A-Za-z_:]+)\s*(?<op>\^?=)\s*"(?<value>(?:[^"\\]|\\.)*)"\s*$""")]
    private static partial Regex Expression();
}
