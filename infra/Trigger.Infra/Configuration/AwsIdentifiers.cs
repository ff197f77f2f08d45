using System.Text.RegularExpressions;

namespace Trigger.Infra.Configuration;

/// <summary>The shapes of the AWS identifiers the configuration holds, and the partition of a region.</summary>
internal static partial class AwsIdentifiers
{
    // Formats from the IAM, Cognito, Secrets Manager and SNS API references (ARN and id patterns).
    private const string Partition = "aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f";
    private const string Region = @"[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}";

    [GeneratedRegex($"^{Region}$", RegexOptions.CultureInvariant)]
    internal static partial Regex RegionPattern();

    [GeneratedRegex(@"^\d{12}$", RegexOptions.CultureInvariant)]
    internal static partial Regex AccountPattern();

    [GeneratedRegex($"^(?<region>{Region})_[0-9A-Za-z]+$", RegexOptions.CultureInvariant)]
    internal static partial Regex UserPoolIdPattern();

    // GetSecretValue by ARN needs the full ARN, random six-character suffix included.
    [GeneratedRegex($@"^arn:(?<partition>{Partition}):secretsmanager:(?<region>{Region}):(?<account>\d{{12}}):secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{{6}}$", RegexOptions.CultureInvariant)]
    internal static partial Regex SecretArnPattern();

    [GeneratedRegex($@"^arn:(?<partition>{Partition}):iam::(?<account>\d{{12}}):role(?<path>/(?:[\w+=,.@-]+/)*)(?<name>[\w+=,.@-]{{1,64}})$", RegexOptions.CultureInvariant)]
    internal static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[\w+=,.@:/-]{2,1224}$", RegexOptions.CultureInvariant)]
    internal static partial Regex ExternalIdPattern();

    [GeneratedRegex($@"^arn:(?<partition>{Partition}):sns:(?<region>{Region}):(?<account>\d{{12}}):[A-Za-z0-9_-]{{1,256}}$", RegexOptions.CultureInvariant)]
    internal static partial Regex TopicArnPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]{0,23}$", RegexOptions.CultureInvariant)]
    internal static partial Regex MigrationNamePattern();

    [GeneratedRegex(@"^[\w\s+=,.@-]{1,128}$", RegexOptions.CultureInvariant)]
    internal static partial Regex PoolOrClientNamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,20}$", RegexOptions.CultureInvariant)]
    internal static partial Regex CustomAttributeNamePattern();

    /// <summary>The partition a region belongs to, for ARNs built at synthesis.</summary>
    public static string PartitionOf(string region) => region switch
    {
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "aws-cn",
        _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "aws-us-gov",
        _ when region.Contains("-isob-", StringComparison.Ordinal) => "aws-iso-b",
        _ when region.Contains("-isoe-", StringComparison.Ordinal) => "aws-iso-e",
        _ when region.Contains("-isof-", StringComparison.Ordinal) => "aws-iso-f",
        _ when region.Contains("-iso-", StringComparison.Ordinal) => "aws-iso",
        _ => "aws",
    };
}
