using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trigger.Aws.Cognito;

/// <summary>Reads a pool's settings.</summary>
public sealed record DescribeUserPoolRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }
}

/// <summary>A pool's settings, typed and raw.</summary>
public sealed record DescribeUserPoolResponse
{
    /// <summary>The settings this product reads, typed.</summary>
    public UserPoolType? UserPool { get; init; }

    /// <summary>
    /// The <c>UserPool</c> object exactly as the service sent it, every member included, also those
    /// <see cref="UserPoolType"/> does not model. Feed it to
    /// <see cref="UpdateUserPoolRequest.FromDescribedUserPool"/> to change one setting and keep the rest.
    /// <see cref="JsonValueKind.Undefined"/> when the answer had no <c>UserPool</c>.
    /// </summary>
    [JsonIgnore]
    public JsonElement RawUserPool { get; init; }
}
