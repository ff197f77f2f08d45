using System.Text.RegularExpressions;
using Trigger.Contract;

namespace Trigger.Cli.Common;

/// <summary>
/// The shapes of the values the command line takes, checked before anything is sent. Patterns
/// from the Cognito, STS and Lambda API references.
/// </summary>
internal static partial class InputRules
{
    /// <summary>A pool id is <c>&lt;region&gt;_&lt;id&gt;</c>; cognito-local's are <c>local_&lt;id&gt;</c> (API pattern <c>[\w-]+_[0-9a-zA-Z]+</c>, at most 55).</summary>
    public static bool IsPoolId(string value) => AwsIdentifierRules.IsUserPoolId(value);

    /// <summary>A region name like <c>eu-west-1</c> or <c>us-gov-west-1</c>.</summary>
    public static bool IsRegion(string value) => Region().IsMatch(value);

    /// <summary>The region prefix of a pool id when it is a region name (not for <c>local_...</c>).</summary>
    public static string? RegionOfPoolId(string poolId)
    {
        var underscore = poolId.IndexOf('_', StringComparison.Ordinal);
        var prefix = underscore > 0 ? poolId[..underscore] : null;
        return prefix is not null && IsRegion(prefix) ? prefix : null;
    }

    /// <summary>An app client id: 1 to 128 of <c>[\w+]</c> (API reference, ClientIdType).</summary>
    public static bool IsClientId(string value) => AwsIdentifierRules.IsClientId(value);

    /// <summary>An IAM role ARN.</summary>
    public static bool IsRoleArn(string value) => RoleArn().IsMatch(value);

    /// <summary>An STS external id: 2 to 1224 of <c>[\w+=,.@:/-]</c>.</summary>
    public static bool IsExternalId(string value) => ExternalId().IsMatch(value);

    /// <summary>A Lambda function ARN, optionally with a version or alias.</summary>
    public static bool IsFunctionArn(string value) => FunctionArn().IsMatch(value);

    /// <summary>A Secrets Manager secret ARN.</summary>
    public static bool IsSecretArn(string value) => SecretArn().IsMatch(value);

    /// <summary>An absolute http(s) URL with a host and nothing after the path.</summary>
    public static bool IsEndpoint(string value, out Uri? endpoint)
    {
        endpoint = Uri.TryCreate(value, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(parsed.Host)
            && string.IsNullOrEmpty(parsed.UserInfo)
            && string.IsNullOrEmpty(parsed.Query)
            && string.IsNullOrEmpty(parsed.Fragment)
                ? parsed
                : null;
        return endpoint is not null;
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Region();

    [GeneratedRegex(@"^arn:aws[a-z\-]*:iam::[0-9]{12}:role/[\w+=,.@/\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArn();

    [GeneratedRegex(@"^[\w+=,.@:/\-]{2,1224}$", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalId();

    [GeneratedRegex(@"^arn:aws[a-z\-]*:lambda:[a-z0-9\-]+:[0-9]{12}:function:[A-Za-z0-9\-_]{1,64}(:[A-Za-z0-9\-_$]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionArn();

    [GeneratedRegex(@"^arn:aws[a-z\-]*:secretsmanager:[a-z0-9\-]+:[0-9]{12}:secret:[\w/+=.@\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SecretArn();
}
