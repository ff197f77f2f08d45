using System.Globalization;
using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>One fake user pool: its settings, schema, password policy and users.</summary>
internal sealed class FakeUserPool
{
    /// <summary>
    /// Settings UpdateUserPool may change. Cognito resets each one the request leaves out
    /// (API reference, UpdateUserPool), and so does the fake.
    /// </summary>
    public static readonly string[] MutableSettings =
    [
        "Policies", "DeletionProtection", "LambdaConfig", "AutoVerifiedAttributes", "SmsVerificationMessage",
        "EmailVerificationMessage", "EmailVerificationSubject", "VerificationMessageTemplate", "SmsAuthenticationMessage",
        "UserAttributeUpdateSettings", "MfaConfiguration", "DeviceConfiguration", "EmailConfiguration", "SmsConfiguration",
        "UserPoolTags", "AdminCreateUserConfig", "UserPoolAddOns", "AccountRecoverySetting", "UserPoolTier",
    ];

    // Standard attributes in the order GetCSVHeader lists them; sub and identities are not columns.
    private static readonly (string Name, string Type, bool Mutable)[] _standardAttributes =
    [
        ("sub", "String", false), ("name", "String", true), ("given_name", "String", true), ("family_name", "String", true),
        ("middle_name", "String", true), ("nickname", "String", true), ("preferred_username", "String", true),
        ("profile", "String", true), ("picture", "String", true), ("website", "String", true), ("email", "String", true),
        ("email_verified", "Boolean", true), ("gender", "String", true), ("birthdate", "String", true),
        ("zoneinfo", "String", true), ("locale", "String", true), ("phone_number", "String", true),
        ("phone_number_verified", "Boolean", true), ("address", "String", true), ("updated_at", "Number", true),
        ("identities", "String", true),
    ];

    private readonly Dictionary<string, FakeUser> _users = new(StringComparer.Ordinal);

    // The same users in listing order (sequences only grow, so appending keeps it sorted): a ListUsers page
    // costs a binary search and the page, not a sort of the pool, even with a million users.
    private readonly List<FakeUser> _inOrder = [];
    private long _nextSequence;

    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string Arn { get; init; }

    public double CreatedAt { get; init; }

    public double ModifiedAt { get; set; }

    /// <summary>The mutable settings as last written (CreateUserPool or UpdateUserPool).</summary>
    public JsonObject Settings { get; set; } = [];

    /// <summary>Full schema: the standard attributes with overrides, then <c>custom:</c> ones.</summary>
    public List<JsonObject> Schema { get; } = [];

    public IReadOnlyList<string> AliasAttributes { get; init; } = [];

    public IReadOnlyList<string> UsernameAttributes { get; init; } = [];

    /// <summary>UsernameConfiguration.CaseSensitive; Cognito's API default is true.</summary>
    public bool CaseSensitive { get; init; } = true;

    public IEnumerable<FakeUser> UsersInOrder => _inOrder;

    /// <summary>The users listed after <paramref name="afterSequence"/>, in listing order.</summary>
    public IEnumerable<FakeUser> UsersAfter(long afterSequence)
    {
        var low = 0;
        var high = _inOrder.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_inOrder[middle].Sequence <= afterSequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        for (var i = low; i < _inOrder.Count; i++)
        {
            yield return _inOrder[i];
        }
    }

    public int UserCount => _users.Count;

    public string MfaConfiguration => RequestFields.Optional(Settings, "MfaConfiguration") ?? "OFF";

    public static List<JsonObject> BuildSchema(JsonArray? requested)
    {
        var overrides = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var custom = new List<JsonObject>();
        foreach (var entry in requested?.OfType<JsonObject>() ?? [])
        {
            var name = RequestFields.Optional(entry, "Name") ?? throw CognitoFault.InvalidParameter("A Schema entry has no Name.");
            if (name.StartsWith("custom:", StringComparison.Ordinal))
            {
                name = name["custom:".Length..];
            }

            if (_standardAttributes.Any(s => s.Name == name))
            {
                overrides[name] = entry;
                continue;
            }

            var type = RequestFields.Optional(entry, "AttributeDataType") ?? "String";
            custom.Add(new JsonObject
            {
                ["Name"] = "custom:" + name,
                ["AttributeDataType"] = type,
                ["DeveloperOnlyAttribute"] = false,
                ["Mutable"] = entry["Mutable"]?.GetValue<bool>() ?? true,
                ["Required"] = false,
            });
        }

        var schema = _standardAttributes.Select(s => new JsonObject
        {
            ["Name"] = s.Name,
            ["AttributeDataType"] = s.Type,
            ["DeveloperOnlyAttribute"] = false,
            ["Mutable"] = overrides.TryGetValue(s.Name, out var o) && o["Mutable"] is JsonValue m ? m.GetValue<bool>() : s.Mutable,
            ["Required"] = s.Name == "sub" || (overrides.TryGetValue(s.Name, out var r) && r["Required"] is JsonValue q && q.GetValue<bool>()),
        }).ToList();
        schema.AddRange(custom);
        return schema;
    }

    public static JsonObject DefaultPolicies() => new()
    {
        ["PasswordPolicy"] = new JsonObject
        {
            ["MinimumLength"] = 8,
            ["RequireUppercase"] = true,
            ["RequireLowercase"] = true,
            ["RequireNumbers"] = true,
            ["RequireSymbols"] = true,
            ["TemporaryPasswordValidityDays"] = 7,
        },
    };

    public JsonObject Describe()
    {
        var pool = new JsonObject
        {
            ["Id"] = Id,
            ["Name"] = Name,
            ["Arn"] = Arn,
            ["CreationDate"] = CreatedAt,
            ["LastModifiedDate"] = ModifiedAt,
            ["SchemaAttributes"] = new JsonArray(Schema.Select(s => (JsonNode?)s.DeepClone()).ToArray()),
            ["EstimatedNumberOfUsers"] = _users.Count,
            ["MfaConfiguration"] = MfaConfiguration,
            ["Policies"] = Settings["Policies"]?.DeepClone() ?? DefaultPolicies(),
            ["LambdaConfig"] = Settings["LambdaConfig"]?.DeepClone() ?? new JsonObject(),
            ["UsernameConfiguration"] = new JsonObject { ["CaseSensitive"] = CaseSensitive },
        };
        foreach (var setting in MutableSettings.Where(s => s is not "Policies" and not "LambdaConfig" and not "MfaConfiguration"))
        {
            if (Settings[setting] is { } value)
            {
                pool[setting] = value.DeepClone();
            }
        }

        if (AliasAttributes.Count > 0)
        {
            pool["AliasAttributes"] = new JsonArray(AliasAttributes.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray());
        }

        if (UsernameAttributes.Count > 0)
        {
            pool["UsernameAttributes"] = new JsonArray(UsernameAttributes.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray());
        }

        return pool;
    }

    public string UsernameKey(string username) => CaseSensitive ? username : username.ToLowerInvariant();

    public bool Exists(string username) => _users.ContainsKey(UsernameKey(username));

    public FakeUser Add(string username, double now)
    {
        var user = new FakeUser { Username = username, Sequence = ++_nextSequence, CreatedAt = now, ModifiedAt = now };
        _users.Add(UsernameKey(username), user);
        _inOrder.Add(user);
        return user;
    }

    public void Remove(FakeUser user)
    {
        _users.Remove(UsernameKey(user.Username));
        _inOrder.Remove(user);
    }

    /// <summary>
    /// Finds a user by what was typed: the username, then UsernameAttributes (email / phone_number as
    /// username), then aliases (email and phone_number only when verified, preferred_username always).
    /// </summary>
    public FakeUser? FindBySignInName(string typed)
    {
        if (_users.TryGetValue(UsernameKey(typed), out var direct))
        {
            return direct;
        }

        foreach (var attribute in UsernameAttributes)
        {
            var match = _users.Values.FirstOrDefault(u => SameValue(attribute, u.Attribute(attribute), typed));
            if (match is not null)
            {
                return match;
            }
        }

        foreach (var attribute in AliasAttributes)
        {
            var verifiedFlag = attribute switch
            {
                "email" => "email_verified",
                "phone_number" => "phone_number_verified",
                _ => null,
            };
            var match = _users.Values.FirstOrDefault(u =>
                SameValue(attribute, u.Attribute(attribute), typed) && (verifiedFlag is null || u.Attribute(verifiedFlag) == "true"));
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>The user already holding <paramref name="attribute"/> = <paramref name="value"/> as a usable alias, other than <paramref name="except"/>.</summary>
    public FakeUser? AliasOwner(string attribute, string value, FakeUser? except)
    {
        if (!AliasAttributes.Contains(attribute) && !UsernameAttributes.Contains(attribute))
        {
            return null;
        }

        var verifiedFlag = attribute == "email" ? "email_verified" : attribute == "phone_number" ? "phone_number_verified" : null;
        return _users.Values.FirstOrDefault(u => u != except
            && SameValue(attribute, u.Attribute(attribute), value)
            && (verifiedFlag is null || u.Attribute(verifiedFlag) == "true"));
    }

    private bool SameValue(string attribute, string? stored, string typed)
    {
        if (stored is null)
        {
            return false;
        }

        // Case-insensitive pools also match email and preferred_username aliases case-insensitively.
        var ignoreCase = !CaseSensitive && attribute is "email" or "preferred_username";
        return string.Equals(stored, typed, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    public FakeUser RequireUser(string username) => FindBySignInName(username) ?? throw CognitoFault.UserNotFound();

    /// <summary>The columns GetCSVHeader returns: standard attributes, custom ones, then the two cognito: columns.</summary>
    public IReadOnlyList<string> CsvHeader() =>
    [
        .. Schema.Select(s => s["Name"]!.GetValue<string>()).Where(n => n is not "sub" and not "identities"),
        "cognito:mfa_enabled",
        "cognito:username",
    ];

    public JsonObject? SchemaEntry(string attributeName) =>
        Schema.FirstOrDefault(s => s["Name"]!.GetValue<string>() == attributeName);

    /// <summary>Checks attributes against the schema; returns the first problem in Cognito's words, or null.</summary>
    public string? SchemaProblem(IReadOnlyDictionary<string, string> attributes, bool requireRequired)
    {
        foreach (var (name, value) in attributes)
        {
            var entry = SchemaEntry(name);
            if (entry is null)
            {
                return $"Attributes did not conform to the schema: {name}: Attribute does not exist in the schema.";
            }

            if (value.Length == 0)
            {
                continue;
            }

            var type = entry["AttributeDataType"]!.GetValue<string>();
            if (type == "Boolean" && value is not ("true" or "false"))
            {
                return $"Attributes did not conform to the schema: {name}: The value is not a boolean.";
            }

            if (type == "Number" && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            {
                return $"Attributes did not conform to the schema: {name}: The value is not a number.";
            }
        }

        if (requireRequired)
        {
            foreach (var entry in Schema.Where(s => s["Required"]!.GetValue<bool>()))
            {
                var name = entry["Name"]!.GetValue<string>();
                if (name != "sub" && (!attributes.TryGetValue(name, out var value) || value.Length == 0))
                {
                    return $"Attributes did not conform to the schema: {name}: The attribute is required";
                }
            }
        }

        return null;
    }

    /// <summary>Checks a password against the pool's policy; returns Cognito's message for the first rule broken, or null.</summary>
    public string? PasswordProblem(string password)
    {
        var policy = Settings["Policies"]?["PasswordPolicy"] as JsonObject ?? DefaultPolicies()["PasswordPolicy"]!.AsObject();
        var minimum = policy["MinimumLength"]?.GetValue<int>() ?? 8;
        if (password.Length < minimum)
        {
            return "Password did not conform with policy: Password not long enough";
        }

        if (Flag(policy, "RequireUppercase") && !password.Any(char.IsUpper))
        {
            return "Password did not conform with policy: Password must have uppercase characters";
        }

        if (Flag(policy, "RequireLowercase") && !password.Any(char.IsLower))
        {
            return "Password did not conform with policy: Password must have lowercase characters";
        }

        if (Flag(policy, "RequireNumbers") && !password.Any(char.IsAsciiDigit))
        {
            return "Password did not conform with policy: Password must have numeric characters";
        }

        // Approximation: Cognito lists its symbol set; the fake counts any non-alphanumeric character.
        if (Flag(policy, "RequireSymbols") && password.All(char.IsLetterOrDigit))
        {
            return "Password did not conform with policy: Password must have symbol characters";
        }

        return null;
    }

    private static bool Flag(JsonObject policy, string name) => policy[name]?.GetValue<bool>() ?? false;
}
