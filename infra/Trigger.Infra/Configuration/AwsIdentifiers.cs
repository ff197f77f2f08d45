using System.Text.RegularExpressions;
using Trigger.Contract;

namespace Trigger.Infra.Configuration;

/// <summary>The shapes of the identifiers only the CDK configuration holds, and the partition of a region.</summary>
internal static partial class AwsIdentifiers
{
    // SNS topic ARN and the names only the CDK app takes; the ids and ARNs the function and the ops tool take
    // too are Trigger.Contract's AwsIdentifierRules.
    [GeneratedRegex($@"^arn:(?<partition>{AwsIdentifierRules.PartitionSyntax}):sns:(?<region>{AwsIdentifierRules.RegionSyntax}):(?<account>\d{{12}}):[A-Za-z0-9_-]{{1,256}}$", RegexOptions.CultureInvariant)]
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
