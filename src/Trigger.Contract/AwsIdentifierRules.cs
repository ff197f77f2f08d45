using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Trigger.Contract;

/// <summary>
/// The one set of shapes for the AWS identifiers the function, the ops tool, the CDK app and the STS adapter
/// take: pool and client ids, regions, role and secret and function ARNs, external ids, endpoints. Each rule
/// follows the pattern of the API reference that receives the value (named on the rule), narrowed only where
/// a wider value would fail later anyway.
/// </summary>
public static partial class AwsIdentifierRules
{
    /// <summary>The longest user pool id the API accepts.</summary>
    public const int MaxUserPoolIdLength = 55;

    /// <summary>How a client id is described in messages.</summary>
    public const string ClientIdDescription = "1 to 128 letters, digits, '_' or '+'";

    /// <summary>The partitions an ARN may name (aws, China, GovCloud, the isolated ones), as alternatives for a pattern.</summary>
    public const string PartitionSyntax = "aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f";

    // us-east-1, eu-central-2, us-gov-west-1, cn-north-1, us-isob-east-1: two letters, words, a number. Wider
    // than the Lambda API's [a-z]{2}(-gov)?-[a-z]+-\d{1} so that a region with a two-digit number or another
    // infix still passes; anything else fails here rather than at the first signed request.
    /// <summary>A region name, for a pattern (no anchors, no groups).</summary>
    public const string RegionSyntax = @"[a-z]{2}(?:-[a-z]+)+-[0-9]{1,2}";

    /// <summary>
    /// A user pool id, <c>&lt;region&gt;_&lt;id&gt;</c> (cognito-local's are <c>local_&lt;id&gt;</c>): Cognito API
    /// reference (AdminGetUser, UserPoolClientDescription), UserPoolId <c>[\w-]+_[0-9a-zA-Z]+</c>, 1 to 55.
    /// </summary>
    public static bool IsUserPoolId(string value) => value.Length <= MaxUserPoolIdLength && UserPoolId().IsMatch(value);

    /// <summary>
    /// The part of a user pool id before its last underscore (<c>eu-west-1</c>, cognito-local's <c>local</c>);
    /// null for a value that is not a user pool id.
    /// </summary>
    public static string? UserPoolIdPrefix(string poolId) =>
        IsUserPoolId(poolId) ? poolId[..poolId.LastIndexOf('_')] : null;

    /// <summary>The region a user pool id starts with when it starts with one (not for cognito-local's <c>local_...</c>).</summary>
    public static string? RegionOfUserPoolId(string poolId) =>
        UserPoolIdPrefix(poolId) is { } prefix && IsRegion(prefix) ? prefix : null;

    /// <summary>
    /// A user pool id of a pool in AWS: <see cref="IsUserPoolId"/> whose prefix is a region (group <c>region</c>),
    /// for readers that need the pool's region and take a pattern.
    /// </summary>
    [GeneratedRegex($"^(?=.{{1,55}}$)(?<region>{RegionSyntax})_[0-9A-Za-z]+$", RegexOptions.CultureInvariant)]
    public static partial Regex RegionalUserPoolIdPattern();

    /// <summary>An app client id: Cognito API reference, ClientId <c>[\w+]+</c>, 1 to 128.</summary>
    public static bool IsClientId(string value) => ClientIdPattern().IsMatch(value);

    /// <summary>The whole-value pattern of <see cref="IsClientId"/>, for readers that take a pattern.</summary>
    [GeneratedRegex(@"^[\w+]{1,128}$", RegexOptions.CultureInvariant)]
    public static partial Regex ClientIdPattern();

    /// <summary>A region name like <c>eu-west-1</c> or <c>us-gov-west-1</c>.</summary>
    public static bool IsRegion(string value) => RegionPattern().IsMatch(value);

    /// <summary>The whole-value pattern of <see cref="IsRegion"/>.</summary>
    [GeneratedRegex($"^{RegionSyntax}$", RegexOptions.CultureInvariant)]
    public static partial Regex RegionPattern();

    /// <summary>A 12-digit AWS account id.</summary>
    [GeneratedRegex("^[0-9]{12}$", RegexOptions.CultureInvariant)]
    public static partial Regex AccountIdPattern();

    /// <summary>An IAM role ARN (STS AssumeRole's RoleArn).</summary>
    public static bool IsRoleArn(string value) => RoleArnPattern().IsMatch(value);

    /// <summary>
    /// An IAM role ARN, groups <c>partition</c>, <c>account</c>, <c>path</c> and <c>name</c>: IAM identifiers, a role
    /// name is 1 to 64 of <c>[\w+=,.@-]</c> under an optional path of such segments (IAM CreateRole RoleName and Path).
    /// </summary>
    [GeneratedRegex($@"^arn:(?<partition>{PartitionSyntax}):iam::(?<account>[0-9]{{12}}):role(?<path>/(?:[\w+=,.@-]+/)*)(?<name>[\w+=,.@-]{{1,64}})$", RegexOptions.CultureInvariant)]
    public static partial Regex RoleArnPattern();

    /// <summary>An STS external id: AssumeRole API reference, ExternalId <c>[\w+=,.@:/-]*</c>, 2 to 1224.</summary>
    public static bool IsExternalId(string value) => ExternalIdPattern().IsMatch(value);

    /// <summary>The whole-value pattern of <see cref="IsExternalId"/>.</summary>
    [GeneratedRegex(@"^[\w+=,.@:/-]{2,1224}$", RegexOptions.CultureInvariant)]
    public static partial Regex ExternalIdPattern();

    /// <summary>An STS role session name: AssumeRole API reference, RoleSessionName <c>[\w+=,.@-]*</c>, 2 to 64.</summary>
    public static bool IsRoleSessionName(string value) => RoleSessionName().IsMatch(value);

    /// <summary>A complete Secrets Manager secret ARN (GetSecretValue's SecretId given as an ARN).</summary>
    public static bool IsSecretArn(string value) => SecretArnPattern().IsMatch(value);

    /// <summary>
    /// A complete Secrets Manager secret ARN, groups <c>partition</c>, <c>region</c> and <c>account</c>: the secret
    /// name (ASCII letters, digits and <c>/_+=.@-</c>, Secrets Manager CreateSecret Name) followed by the hyphen and
    /// six random characters Secrets Manager appends; an IAM grant on the ARN needs the suffix.
    /// </summary>
    [GeneratedRegex($@"^arn:(?<partition>{PartitionSyntax}):secretsmanager:(?<region>{RegionSyntax}):(?<account>[0-9]{{12}}):secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{{6}}$", RegexOptions.CultureInvariant)]
    public static partial Regex SecretArnPattern();

    /// <summary>True for a DynamoDB table name: 3 to 255 letters, digits, '_', '-' or '.' (the DynamoDB API reference's TableName pattern).</summary>
    public static bool IsDynamoDbTableName(string value) => DynamoDbTableNamePattern().IsMatch(value);

    /// <summary>The DynamoDB API reference's TableName pattern.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_.-]{3,255}$", RegexOptions.CultureInvariant)]
    public static partial Regex DynamoDbTableNamePattern();

    /// <summary>
    /// A Lambda function ARN, optionally with a version or alias: Lambda API reference, FunctionArn
    /// <c>arn:(aws[a-zA-Z-]*)?:lambda:&lt;region&gt;:\d{12}:function:[a-zA-Z0-9-_]+(:(\$LATEST|[a-zA-Z0-9-_]+))?</c>, a name of at most 64.
    /// </summary>
    public static bool IsFunctionArn(string value) => FunctionArn().IsMatch(value);

    /// <summary>
    /// An endpoint to send API requests to: an absolute http(s) URL with a host, optional port and path, and no
    /// user info, query or fragment (a signed request has nowhere to put them).
    /// </summary>
    public static bool IsEndpoint(Uri endpoint) =>
        endpoint.IsAbsoluteUri
        && (endpoint.Scheme == Uri.UriSchemeHttps || endpoint.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(endpoint.Host)
        && string.IsNullOrEmpty(endpoint.UserInfo)
        && string.IsNullOrEmpty(endpoint.Query)
        && string.IsNullOrEmpty(endpoint.Fragment);

    /// <summary>Reads <paramref name="value"/> as an endpoint (<see cref="IsEndpoint(Uri)"/>).</summary>
    public static bool TryParseEndpoint(string value, [NotNullWhen(true)] out Uri? endpoint)
    {
        endpoint = Uri.TryCreate(value, UriKind.Absolute, out var parsed) && IsEndpoint(parsed) ? parsed : null;
        return endpoint is not null;
    }

    [GeneratedRegex(@"^[\w-]+_[0-9a-zA-Z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex UserPoolId();

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleSessionName();

    [GeneratedRegex($@"^arn:(?:{PartitionSyntax}):lambda:{RegionSyntax}:[0-9]{{12}}:function:[A-Za-z0-9_-]{{1,64}}(?::(?:\$LATEST|[A-Za-z0-9_-]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionArn();
}
