using Trigger.Contract;

namespace Trigger.Cli.Options;

/// <summary>
/// The shapes of the values the command line takes, checked before anything is sent: the contract's
/// <see cref="AwsIdentifierRules"/>, the rules the function and the CDK app apply to the same values.
/// </summary>
internal static class InputRules
{
    /// <summary>A pool id is <c>&lt;region&gt;_&lt;id&gt;</c>; cognito-local's are <c>local_&lt;id&gt;</c>.</summary>
    public static bool IsPoolId(string value) => AwsIdentifierRules.IsUserPoolId(value);

    /// <summary>A region name like <c>eu-west-1</c> or <c>us-gov-west-1</c>.</summary>
    public static bool IsRegion(string value) => AwsIdentifierRules.IsRegion(value);

    /// <summary>The region prefix of a pool id when it is a region name (not for <c>local_...</c>).</summary>
    public static string? RegionOfPoolId(string poolId) => AwsIdentifierRules.RegionOfUserPoolId(poolId);

    /// <summary>An app client id.</summary>
    public static bool IsClientId(string value) => AwsIdentifierRules.IsClientId(value);

    /// <summary>An IAM role ARN.</summary>
    public static bool IsRoleArn(string value) => AwsIdentifierRules.IsRoleArn(value);

    /// <summary>An STS external id.</summary>
    public static bool IsExternalId(string value) => AwsIdentifierRules.IsExternalId(value);

    /// <summary>A Lambda function ARN, optionally with a version or alias.</summary>
    public static bool IsFunctionArn(string value) => AwsIdentifierRules.IsFunctionArn(value);

    /// <summary>A complete Secrets Manager secret ARN.</summary>
    public static bool IsSecretArn(string value) => AwsIdentifierRules.IsSecretArn(value);

    /// <summary>An absolute http(s) URL with a host and nothing after the path.</summary>
    public static bool IsEndpoint(string value, out Uri? endpoint) => AwsIdentifierRules.TryParseEndpoint(value, out endpoint);
}
