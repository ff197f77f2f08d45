using System.Text.Json;
using System.Text.RegularExpressions;
using Trigger.Contract;

namespace Trigger.Infra.Configuration;

/// <summary>
/// Reads and validates the migrations file (JSON with comments). The first wrong or missing value
/// stops synthesis with one message naming it; nothing is synthesised from a half-valid file.
/// </summary>
internal static partial class MigrationConfigReader
{
    private static readonly JsonDocumentOptions _options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The OIDC standard attributes a Cognito schema holds.</summary>
    internal static readonly IReadOnlySet<string> StandardAttributeNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "address", "birthdate", "email", "family_name", "gender", "given_name", "locale", "middle_name",
        "name", "nickname", "phone_number", "picture", "preferred_username", "profile", "updated_at",
        "website", "zoneinfo",
    };

    [GeneratedRegex("^(x86_64|arm64)$", RegexOptions.CultureInvariant)]
    private static partial Regex ArchitecturePattern();

    [GeneratedRegex("^(lite|essentials|plus)$", RegexOptions.CultureInvariant)]
    private static partial Regex FeaturePlanPattern();

    [GeneratedRegex("^(String|Number|Boolean|DateTime)$", RegexOptions.CultureInvariant)]
    private static partial Regex CustomTypePattern();

    // CreateGroup's GroupName: 1 to 128 letters, marks, symbols, numbers and punctuation.
    [GeneratedRegex(@"^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupNamePattern();

    [GeneratedRegex(@"^[\s\S]{0,2048}$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupDescriptionPattern();

    public static TriggerAppSettings ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new MigrationConfigException($"the migrations file {path} does not exist (set it with -c migrationConfig=<path>)");
        }

        return Read(File.ReadAllText(path), path);
    }

    public static TriggerAppSettings Read(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, _options);
        }
        catch (JsonException e)
        {
            throw new MigrationConfigException($"{source}: not valid JSON at line {e.LineNumber + 1}: {e.Message}");
        }

        using (document)
        {
            var root = ConfigSection.Root(source, document.RootElement);
            var entries = root.RequiredSections("migrations");
            root.RejectUnknownKeys();
            if (entries.Count == 0)
            {
                throw root.Error("migrations", "is empty: describe at least one migration");
            }

            var migrations = entries.Select(ReadMigration).ToList();
            CheckAcrossMigrations(root, migrations);
            return new TriggerAppSettings(migrations);
        }
    }

    private static MigrationSettings ReadMigration(ConfigSection entry)
    {
        var name = entry.RequiredString("name", AwsIdentifiers.MigrationNamePattern(), "a name of 1 to 24 letters, digits and hyphens starting with a letter");
        var account = entry.RequiredString("account", AwsIdentifierRules.AccountIdPattern(), "a 12-digit account id");
        var region = entry.RequiredString("region", AwsIdentifierRules.RegionPattern(), "a region name (e.g. eu-west-1)");
        var architecture = ReadArchitecture(entry);
        var memorySize = entry.OptionalInt("memorySize", MinimumMemoryMb, MaximumMemoryMb) ?? MigrationSettings.DefaultMemorySizeMb;
        var oldPool = ReadOldPool(entry.RequiredSection("oldPool"), account);
        var newPool = ReadNewPool(entry.RequiredSection("newPool"), region, oldPool);
        var functionSettings = FunctionSettingsReader.Read(entry, newPool);
        var topic = entry.OptionalString("alarmTopicArn", AwsIdentifiers.TopicArnPattern(), "an SNS topic ARN");
        if (topic is not null && AwsIdentifiers.TopicArnPattern().Match(topic).Groups["region"].Value != region)
        {
            // CloudWatch alarm actions publish only to a topic in the alarm's own region.
            throw entry.Error("alarmTopicArn", $"\"{topic}\" is not in the migration's region {region}");
        }

        var foldIndex = entry.OptionalBool("foldIndex", fallback: false);
        var carryGroups = entry.OptionalBool("carryGroups", fallback: true);
        var sync = SyncScheduleReader.Read(entry, oldPool);
        entry.RejectUnknownKeys();
        return new MigrationSettings
        {
            FoldIndex = foldIndex,
            CarryGroups = carryGroups,
            Name = name,
            Account = account,
            Region = region,
            Architecture = architecture,
            MemorySizeMb = memorySize,
            OldPool = oldPool,
            NewPool = newPool,
            FunctionSettings = functionSettings,
            AlarmTopicArn = topic,
            Sync = sync,
        };
    }

    // Lambda's range for a function's memory, in MB.
    private const int MinimumMemoryMb = 128;
    private const int MaximumMemoryMb = 10240;

    private static FunctionArchitecture ReadArchitecture(ConfigSection entry) =>
        entry.OptionalString("architecture", ArchitecturePattern(), "x86_64 or arm64") switch
        {
            null or "x86_64" => FunctionArchitecture.X86_64,
            _ => FunctionArchitecture.Arm64,
        };

    private static OldPoolSettings ReadOldPool(ConfigSection section, string functionAccount)
    {
        var poolId = section.RequiredString("userPoolId", AwsIdentifierRules.RegionalUserPoolIdPattern(), "a user pool id (<region>_<id>, e.g. eu-west-1_AbCdEf123)");
        var poolRegion = AwsIdentifierRules.RegionalUserPoolIdPattern().Match(poolId).Groups["region"].Value;
        var region = section.OptionalString("region", AwsIdentifierRules.RegionPattern(), "a region name (e.g. eu-west-1)");
        if (region is not null && region != poolRegion)
        {
            throw section.Error("region", $"\"{region}\" is not the region of userPoolId {poolId} ({poolRegion})");
        }

        var clientId = section.RequiredString("clientId", AwsIdentifierRules.ClientIdPattern(), "an app client id");
        var secretArn = section.OptionalString("clientSecretArn", AwsIdentifierRules.SecretArnPattern(), "a full Secrets Manager secret ARN (with its six-character suffix)");
        var roleArn = section.OptionalString("roleArn", AwsIdentifierRules.RoleArnPattern(), "an IAM role ARN");
        var externalId = section.OptionalString("externalId", AwsIdentifierRules.ExternalIdPattern(), "an external id (2 to 1224 characters of letters, digits and +=,.@:/-_)");
        section.RejectUnknownKeys();

        CrossAccountRoleSettings? role = null;
        if (roleArn is not null)
        {
            var match = AwsIdentifierRules.RoleArnPattern().Match(roleArn);
            role = new CrossAccountRoleSettings
            {
                RoleArn = roleArn,
                ExternalId = externalId ?? throw section.Error("externalId", "is missing: a roleArn needs the external id its trust policy requires"),
                Account = match.Groups["account"].Value,
                RolePath = match.Groups["path"].Value,
                RoleName = match.Groups["name"].Value,
            };
        }
        else if (externalId is not null)
        {
            throw section.Error("externalId", "is set without a roleArn");
        }

        return new OldPoolSettings
        {
            UserPoolId = poolId,
            Region = poolRegion,
            ClientId = clientId,
            ClientSecretArn = secretArn,
            CrossAccountRole = role,
            Account = role?.Account ?? functionAccount,
        };
    }

    private static NewPoolSettings ReadNewPool(ConfigSection section, string region, OldPoolSettings oldPool)
    {
        var created = section.OptionalSection("create");
        var existing = section.OptionalSection("existing");
        section.RejectUnknownKeys();
        return (created, existing) switch
        {
            (not null, null) => ReadCreatedPool(created),
            (null, not null) => ReadExistingPool(existing, region, oldPool),
            (null, null) => throw section.Error("create", "is missing: set either newPool.create or newPool.existing"),
            _ => throw section.Error("existing", "cannot be set together with newPool.create"),
        };
    }

    private static ExistingNewPoolSettings ReadExistingPool(ConfigSection section, string region, OldPoolSettings oldPool)
    {
        var poolId = section.RequiredString("userPoolId", AwsIdentifierRules.RegionalUserPoolIdPattern(), "a user pool id (<region>_<id>, e.g. eu-west-1_AbCdEf123)");
        if (!poolId.StartsWith(region + "_", StringComparison.Ordinal))
        {
            throw section.Error("userPoolId", $"\"{poolId}\" is not in the migration's region {region}");
        }

        if (poolId == oldPool.UserPoolId)
        {
            throw section.Error("userPoolId", $"\"{poolId}\" is the old pool itself");
        }

        var guard = section.OptionalBool("preSignUpGuard", fallback: true);
        var custom = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in section.OptionalStrings("customAttributes") ?? [])
        {
            if (!AwsIdentifiers.CustomAttributeNamePattern().IsMatch(name))
            {
                throw section.Error("customAttributes", $"holds \"{name}\", which is not a custom attribute name (1 to 20 letters, digits, _ and -, without \"custom:\")");
            }

            if (!custom.Add(name))
            {
                throw section.Error("customAttributes", $"lists \"{name}\" twice");
            }
        }

        // An existing pool's policy is copied whole: a guessed default could be stricter than the
        // pool's and send users with acceptable passwords to a reset.
        var policy = section.OptionalSection("passwordPolicy") is { } policySection
            ? ReadPasswordPolicy(policySection, fallback: null)
            : null;
        section.RejectUnknownKeys();
        return new ExistingNewPoolSettings { UserPoolId = poolId, PreSignUpGuard = guard, CustomAttributes = custom, PasswordPolicy = policy };
    }

    /// <summary>
    /// A password policy object. With a <paramref name="fallback"/> each missing key takes its value;
    /// without one every key is required.
    /// </summary>
    private static PasswordPolicy ReadPasswordPolicy(ConfigSection section, PasswordPolicy? fallback)
    {
        var minLength = section.OptionalInt("minLength", PasswordPolicy.ShortestMinimumLength, PasswordPolicy.LongestMinimumLength);
        var lowercase = section.OptionalBool("requireLowercase");
        var uppercase = section.OptionalBool("requireUppercase");
        var digits = section.OptionalBool("requireDigits");
        var symbols = section.OptionalBool("requireSymbols");
        section.RejectUnknownKeys();

        T Given<T>(T? value, string key, T? fallbackValue)
            where T : struct =>
            value ?? fallbackValue ?? throw section.Error(key, "is missing: give the existing pool's whole policy (the ops tool's plan reports it)");

        return new PasswordPolicy(
            Given(minLength, "minLength", fallback?.MinimumLength),
            Given(lowercase, "requireLowercase", fallback?.RequireLowercase),
            Given(uppercase, "requireUppercase", fallback?.RequireUppercase),
            Given(digits, "requireDigits", fallback?.RequireNumbers),
            Given(symbols, "requireSymbols", fallback?.RequireSymbols));
    }

    private static CreatedNewPoolSettings ReadCreatedPool(ConfigSection section)
    {
        var poolName = section.OptionalString("userPoolName", AwsIdentifiers.PoolOrClientNamePattern(), "a pool name (1 to 128 letters, digits, spaces and +=,.@-_)");
        var clientName = section.OptionalString("clientName", AwsIdentifiers.PoolOrClientNamePattern(), "a client name (1 to 128 letters, digits, spaces and +=,.@-_)");
        var aliases = section.RequiredStrings("signInAliases");
        foreach (var alias in aliases)
        {
            if (!SignInAliasNames.IsAlias(alias))
            {
                throw section.Error("signInAliases", $"holds \"{alias}\", which is not email, phone_number or preferred_username");
            }
        }

        if (aliases.Distinct(StringComparer.Ordinal).Count() != aliases.Count)
        {
            throw section.Error("signInAliases", "lists an alias twice");
        }

        var standard = new Dictionary<string, StandardAttributeSettings>(StringComparer.Ordinal);
        foreach (var (name, attribute) in section.NamedSections("standardAttributes"))
        {
            if (!StandardAttributeNames.Contains(name))
            {
                throw attribute.Invalid("is not a standard attribute (custom ones go under customAttributes)");
            }

            standard[name] = new StandardAttributeSettings(
                attribute.OptionalBool("required", fallback: false),
                attribute.OptionalBool("mutable", fallback: true));
            attribute.RejectUnknownKeys();
        }

        var custom = new Dictionary<string, CustomAttributeSettings>(StringComparer.Ordinal);
        foreach (var (name, attribute) in section.NamedSections("customAttributes"))
        {
            if (!AwsIdentifiers.CustomAttributeNamePattern().IsMatch(name))
            {
                throw attribute.Invalid("is not a custom attribute name (1 to 20 letters, digits, _ and -, without \"custom:\")");
            }

            var type = attribute.RequiredString("type", CustomTypePattern(), "String, Number, Boolean or DateTime");
            custom[name] = new CustomAttributeSettings(Enum.Parse<CustomAttributeType>(type), attribute.OptionalBool("mutable", fallback: true));
            attribute.RejectUnknownKeys();
        }

        var groups = new Dictionary<string, GroupSettings>(StringComparer.Ordinal);
        foreach (var (name, group) in section.NamedSections("groups"))
        {
            if (!GroupNamePattern().IsMatch(name))
            {
                throw group.Invalid("is not a group name (1 to 128 letters, digits, symbols and punctuation, no spaces)");
            }

            groups[name] = new GroupSettings(
                group.OptionalString("description", GroupDescriptionPattern(), "a description of at most 2048 characters"),
                group.OptionalInt("precedence", 0, int.MaxValue),
                group.OptionalString("roleArn", AwsIdentifierRules.RoleArnPattern(), "an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)"));
            group.RejectUnknownKeys();
        }

        var settings = new CreatedNewPoolSettings
        {
            UserPoolName = poolName,
            Groups = groups,
            ClientName = clientName ?? "migration",
            SignInAliases = aliases.ToHashSet(StringComparer.Ordinal),
            SignInCaseSensitive = section.OptionalBool("signInCaseSensitive", fallback: false),
            SelfSignUpEnabled = section.OptionalBool("selfSignUpEnabled", fallback: false),
            MigrationWindowOpen = section.OptionalBool("migrationWindowOpen", fallback: true),
            FeaturePlan = section.OptionalString("featurePlan", FeaturePlanPattern(), "lite, essentials or plus")?.ToUpperInvariant(),
            StandardAttributes = standard,
            CustomAttributes = custom,
            PasswordPolicy = section.OptionalSection("passwordPolicy") is { } policy
                ? ReadPasswordPolicy(policy, PasswordPolicy.CognitoDefault)
                : PasswordPolicy.CognitoDefault,
        };
        section.RejectUnknownKeys();
        return settings;
    }

    private static void CheckAcrossMigrations(ConfigSection root, List<MigrationSettings> migrations)
    {
        var duplicate = migrations.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw root.Error("migrations", $"names \"{duplicate.Key}\" twice: each migration needs its own name");
        }

        // One role in the old account serves every migration that names it, so it has one external id.
        var conflicting = migrations
            .Where(m => m.OldPool.CrossAccountRole is not null)
            .GroupBy(m => m.OldPool.CrossAccountRole!.RoleArn, StringComparer.Ordinal)
            .FirstOrDefault(g => g.Select(m => m.OldPool.CrossAccountRole!.ExternalId).Distinct(StringComparer.Ordinal).Count() > 1);
        if (conflicting is not null)
        {
            throw root.Error("migrations", $"give the role {conflicting.Key} different externalId values: one role has one external id");
        }
    }
}
