using System.Globalization;
using Trigger.Contract;
using Trigger.Migration.Attributes;
using Trigger.Migration.Decisions;

namespace Trigger.Function.Configuration;

/// <summary>
/// The function's configuration, read once at init from environment variables (the contract in the README).
/// A missing or malformed value throws <see cref="SettingsException"/> naming the variable.
/// </summary>
internal sealed record TriggerSettings
{
    // The prefix of cognito-local's pool ids.
    private const string EmulatorPoolPrefix = "local";

    public required string OldUserPoolId { get; init; }

    public required string OldClientId { get; init; }

    public required string OldRegion { get; init; }

    public string? OldClientSecretArn { get; init; }

    public string? OldRoleArn { get; init; }

    public string? OldExternalId { get; init; }

    /// <summary>Endpoint of the old pool's Cognito API when it is not the standard one (an emulator, a VPC endpoint).</summary>
    public Uri? OldEndpoint { get; init; }

    public required SignInMigrationOptions Migration { get; init; }

    public bool PreSignUpFailOpen { get; init; }

    /// <summary>The Secrets Manager secret holding the sweep key the PreSignUp guard checks sweep proofs with; null to accept none.</summary>
    public string? SweepKeySecretArn { get; init; }

    /// <summary>The DynamoDB table of the fold index, consulted when exact look-ups in the old pool find nobody; null for none.</summary>
    public string? FoldIndexTable { get; init; }

    /// <summary>Whether migrations carry the old groups (AdminListGroupsForUser, the hand-over, PostAuthentication and Pre token generation).</summary>
    public bool CarryGroups { get; init; } = true;

    /// <summary>The DynamoDB table the groups hand-over is also kept in; null: the execution environment's memory only.</summary>
    public string? GroupHandOverTable { get; init; }

    /// <summary>Time kept back from the deadline so the answer is posted before Cognito gives up.</summary>
    public TimeSpan SafetyMargin { get; init; } = TimeSpan.FromMilliseconds(400);

    public static TriggerSettings Load(Func<string, string?> environment)
    {
        string? Optional(string name) => environment(name) is { Length: > 0 } value ? value.Trim() : null;
        string Required(string name) => Optional(name) ?? throw new SettingsException($"{name} is required but not set.");

        var poolId = Required(TriggerSettingNames.OldUserPoolId);
        if (AwsIdentifierRules.UserPoolIdPrefix(poolId) is not { } poolPrefix)
        {
            throw new SettingsException($"{TriggerSettingNames.OldUserPoolId} must look like '<region>_<id>', e.g. 'eu-west-1_AbC123', not '{poolId}'.");
        }

        // cognito-local's pools are 'local_<id>': that prefix is read as it is (its client still needs a real
        // region, from MIGRATION_OLD_REGION, before it signs a request).
        var region = Optional(TriggerSettingNames.OldRegion) ?? poolPrefix;
        if (!AwsIdentifierRules.IsRegion(region) && !(region == EmulatorPoolPrefix && region == poolPrefix))
        {
            throw new SettingsException($"{TriggerSettingNames.OldRegion} is not a region name: '{region}'.");
        }

        var clientId = Required(TriggerSettingNames.OldClientId);
        if (!AwsIdentifierRules.IsClientId(clientId))
        {
            throw new SettingsException($"{TriggerSettingNames.OldClientId} must be {AwsIdentifierRules.ClientIdDescription}.");
        }

        var secretArn = OptionalSecretArn(TriggerSettingNames.OldClientSecretArn);
        var roleArn = Optional(TriggerSettingNames.OldRoleArn);
        if (roleArn is not null && !AwsIdentifierRules.IsRoleArn(roleArn))
        {
            throw new SettingsException($"{TriggerSettingNames.OldRoleArn} must be an IAM role ARN like 'arn:aws:iam::123456789012:role/name'.");
        }

        var sweepKeyArn = OptionalSecretArn(TriggerSettingNames.SweepKeySecretArn);
        var externalId = Optional(TriggerSettingNames.OldExternalId);
        if (externalId is not null && roleArn is null)
        {
            throw new SettingsException($"{TriggerSettingNames.OldExternalId} is set but {TriggerSettingNames.OldRoleArn} is not: the external id only applies to an assumed role.");
        }

        if (externalId is not null && !AwsIdentifierRules.IsExternalId(externalId))
        {
            // Not echoed: an external id is meant to be hard to guess.
            throw new SettingsException($"{TriggerSettingNames.OldExternalId} must be 2 to 1224 characters of letters, digits and +=,.@:/-.");
        }

        var oldEndpoint = Optional(TriggerSettingNames.OldEndpointUrl) switch
        {
            null => null,
            var url when AwsIdentifierRules.TryParseEndpoint(url, out var uri) => uri,
            var url => throw new SettingsException($"{TriggerSettingNames.OldEndpointUrl} must be an absolute http(s) URL, not '{url}'."),
        };

        // DynamoDB table names: 3 to 255 of letters, digits, '_', '-' and '.' (CreateTable's TableName).
        var foldIndexTable = Optional(TriggerSettingNames.FoldIndexTable);
        if (foldIndexTable is not null && !AwsIdentifierRules.IsDynamoDbTableName(foldIndexTable))
        {
            throw new SettingsException($"{TriggerSettingNames.FoldIndexTable} must be a DynamoDB table name (3 to 255 letters, digits, '_', '-' or '.').");
        }

        var groupHandOverTable = Optional(TriggerSettingNames.GroupHandOverTable);
        if (groupHandOverTable is not null && !AwsIdentifierRules.IsDynamoDbTableName(groupHandOverTable))
        {
            throw new SettingsException($"{TriggerSettingNames.GroupHandOverTable} must be a DynamoDB table name (3 to 255 letters, digits, '_', '-' or '.').");
        }

        return new TriggerSettings
        {
            FoldIndexTable = foldIndexTable,
            GroupHandOverTable = groupHandOverTable,
            CarryGroups = Optional(TriggerSettingNames.CarryGroups)?.ToUpperInvariant() switch
            {
                null or "TRUE" => true,
                "FALSE" => false,
                _ => throw new SettingsException($"{TriggerSettingNames.CarryGroups} must be true or false."),
            },
            OldUserPoolId = poolId,
            OldClientId = clientId,
            OldRegion = region,
            OldClientSecretArn = secretArn,
            SweepKeySecretArn = sweepKeyArn,
            OldRoleArn = roleArn,
            OldExternalId = externalId,
            OldEndpoint = oldEndpoint,
            Migration = new SignInMigrationOptions
            {
                AliasAttributes = Aliases(Optional(TriggerSettingNames.AliasAttributes)),
                Attributes = new AttributeMappingOptions
                {
                    Renames = Renames(Optional(TriggerSettingNames.AttributeRenames)),
                    NewCustomAttributes = CustomAttributes(Optional(TriggerSettingNames.NewCustomAttributes)),
                    LegacySubAttribute = LegacySub(Optional(TriggerSettingNames.LegacySubAttribute)),
                },
                NewPasswordPolicy = Policy(Optional(TriggerSettingNames.NewPasswordPolicy)),
                WeakPasswordAction = Optional(TriggerSettingNames.WeakPasswordAction)?.ToUpperInvariant() switch
                {
                    null or "RESET" => WeakPasswordAction.Reset,
                    "REFUSE" => WeakPasswordAction.Refuse,
                    "ALLOW" => WeakPasswordAction.Allow,
                    var other => throw new SettingsException($"{TriggerSettingNames.WeakPasswordAction} must be reset, refuse or allow, not '{other.ToLowerInvariant()}'."),
                },
                UncarriedMfaAction = Optional(TriggerSettingNames.UncarriedMfaAction)?.ToUpperInvariant() switch
                {
                    null or "RESET" => UncarriedMfaAction.Reset,
                    "REFUSE" => UncarriedMfaAction.Refuse,
                    "ALLOW" => UncarriedMfaAction.Allow,
                    var other => throw new SettingsException($"{TriggerSettingNames.UncarriedMfaAction} must be reset, refuse or allow, not '{other.ToLowerInvariant()}'."),
                },
                // Unset, these three follow what the function reads of the new pool itself (DescribeUserPool).
                Overrides = (Optional(TriggerSettingNames.AliasAttributes) is null ? NewPoolOverrides.None : NewPoolOverrides.AliasAttributes)
                    | (Optional(TriggerSettingNames.NewCustomAttributes) is null ? NewPoolOverrides.None : NewPoolOverrides.CustomAttributes)
                    | (Optional(TriggerSettingNames.NewPasswordPolicy) is null ? NewPoolOverrides.None : NewPoolOverrides.PasswordPolicy),
            },
            PreSignUpFailOpen = Optional(TriggerSettingNames.PreSignUpFailOpen)?.ToUpperInvariant() switch
            {
                null or "FALSE" => false,
                "TRUE" => true,
                _ => throw new SettingsException($"{TriggerSettingNames.PreSignUpFailOpen} must be true or false."),
            },
            SafetyMargin = Optional(TriggerSettingNames.SafetyMarginMs) switch
            {
                null => TimeSpan.FromMilliseconds(400),
                var ms when int.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 50 and <= 3000
                    => TimeSpan.FromMilliseconds(value),
                _ => throw new SettingsException($"{TriggerSettingNames.SafetyMarginMs} must be a whole number of milliseconds from 50 to 3000."),
            },
        };

        string? OptionalSecretArn(string name)
        {
            var arn = Optional(name);
            if (arn is not null && !AwsIdentifierRules.IsSecretArn(arn))
            {
                throw new SettingsException(
                    $"{name} must be a complete Secrets Manager secret ARN, 'arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 characters>'.");
            }

            return arn;
        }
    }

    private static string[] List(string? value) => SettingValues.List(value);

    private static IReadOnlyList<string> Aliases(string? value)
    {
        if (value is null)
        {
            return SignInAliasNames.All;
        }

        var aliases = List(value);
        foreach (var alias in aliases)
        {
            if (!SignInAliasNames.IsAlias(alias))
            {
                throw new SettingsException($"{TriggerSettingNames.AliasAttributes} may list email, phone_number and preferred_username only, not '{alias}'.");
            }
        }

        return aliases;
    }

    private static Dictionary<string, string> Renames(string? value)
    {
        var problem = SettingValues.ParseRenames(value, out var renames, out var culprit);
        return SettingValues.DescribeRenamesProblem(TriggerSettingNames.AttributeRenames, problem, culprit) is { } error
            ? throw new SettingsException(error)
            : renames;
    }

    private static HashSet<string> CustomAttributes(string? value)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in List(value))
        {
            if (!(name.StartsWith("custom:", StringComparison.Ordinal) || name.StartsWith("dev:custom:", StringComparison.Ordinal)))
            {
                throw new SettingsException($"{TriggerSettingNames.NewCustomAttributes} lists custom attributes ('custom:name'); '{name}' is not one.");
            }

            names.Add(name);
        }

        return names;
    }

    private static string? LegacySub(string? value) => value switch
    {
        null => null,
        _ when value.StartsWith("custom:", StringComparison.Ordinal) => value,
        _ => throw new SettingsException($"{TriggerSettingNames.LegacySubAttribute} must be a custom attribute ('custom:name'), not '{value}'."),
    };

    private static PasswordPolicy? Policy(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (PasswordPolicy.TryParse(value, out var policy, out var unknownPart))
        {
            return policy;
        }

        throw new SettingsException(unknownPart is null
            ? $"{TriggerSettingNames.NewPasswordPolicy} needs 'min=<6-99>'."
            : $"{TriggerSettingNames.NewPasswordPolicy} takes 'min=<6-99>' and any of lowercase, uppercase, numbers, symbols; '{unknownPart}' is not one of them.");
    }
}
