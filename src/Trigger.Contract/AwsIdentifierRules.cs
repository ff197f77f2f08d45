using System.Text.RegularExpressions;

namespace Trigger.Contract;

/// <summary>
/// The shapes of the Cognito identifiers the function, the ops tool and the CDK app all take, as the
/// Amazon Cognito user pools API reference gives them (UserPoolClientDescription: ClientId
/// <c>[\w+]+</c>, 1 to 128; UserPoolId <c>[\w-]+_[0-9a-zA-Z]+</c>, 1 to 55).
/// </summary>
public static partial class AwsIdentifierRules
{
    /// <summary>The longest user pool id the API accepts.</summary>
    public const int MaxUserPoolIdLength = 55;

    /// <summary>How a client id is described in messages.</summary>
    public const string ClientIdDescription = "1 to 128 letters, digits, '_' or '+'";

    /// <summary>A user pool id, <c>&lt;region&gt;_&lt;id&gt;</c> (cognito-local's are <c>local_&lt;id&gt;</c>).</summary>
    public static bool IsUserPoolId(string value) => value.Length <= MaxUserPoolIdLength && UserPoolId().IsMatch(value);

    /// <summary>An app client id.</summary>
    public static bool IsClientId(string value) => ClientIdPattern().IsMatch(value);

    [GeneratedRegex(@"^[\w-]+_[0-9a-zA-Z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex UserPoolId();

    /// <summary>The whole-value pattern of <see cref="IsClientId"/>, for readers that take a pattern.</summary>
    [GeneratedRegex(@"^[\w+]{1,128}$", RegexOptions.CultureInvariant)]
    public static partial Regex ClientIdPattern();
}
