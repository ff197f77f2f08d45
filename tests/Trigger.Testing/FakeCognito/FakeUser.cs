using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>One user of a fake pool.</summary>
internal sealed class FakeUser
{
    public required string Username { get; init; }

    /// <summary>Creation order; ListUsers pages and tokens follow it.</summary>
    public required long Sequence { get; init; }

    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    public string? Password { get; set; }

    public string Status { get; set; } = "FORCE_CHANGE_PASSWORD";

    public bool Enabled { get; set; } = true;

    public double CreatedAt { get; init; }

    public double ModifiedAt { get; set; }

    /// <summary>A challenge scripted by the test (SMS_MFA, SOFTWARE_TOKEN_MFA, ...), answered after a right password.</summary>
    public string? SignInChallenge { get; set; }

    public int FailedSignIns { get; set; }

    public DateTimeOffset LockedUntil { get; set; }

    public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value : null;

    public JsonObject ToAdminGetUser()
    {
        var answer = new JsonObject
        {
            ["Username"] = Username,
            ["UserAttributes"] = RequestFields.AttributeArray(Attributes.OrderBy(a => a.Key, StringComparer.Ordinal)),
            ["UserCreateDate"] = CreatedAt,
            ["UserLastModifiedDate"] = ModifiedAt,
            ["Enabled"] = Enabled,
            ["UserStatus"] = Status,
        };
        if (SignInChallenge is "SMS_MFA" or "SOFTWARE_TOKEN_MFA")
        {
            answer["UserMFASettingList"] = new JsonArray(SignInChallenge);
            answer["PreferredMfaSetting"] = SignInChallenge;
        }

        return answer;
    }

    public JsonObject ToListEntry(IReadOnlyCollection<string> attributesToGet)
    {
        var attributes = Attributes.Where(a => attributesToGet.Count == 0 || attributesToGet.Contains(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal);
        return new JsonObject
        {
            ["Username"] = Username,
            ["Attributes"] = RequestFields.AttributeArray(attributes),
            ["UserCreateDate"] = CreatedAt,
            ["UserLastModifiedDate"] = ModifiedAt,
            ["Enabled"] = Enabled,
            ["UserStatus"] = Status,
        };
    }
}
