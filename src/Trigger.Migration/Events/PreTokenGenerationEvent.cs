using System.Globalization;
using System.Text.Json.Serialization;

namespace Trigger.Migration.Events;

/// <summary>
/// The Pre token generation trigger event (developer guide, "Pre token generation Lambda trigger"), null-tolerant
/// like <see cref="UserMigrationEvent"/>. <c>version</c> tells the event version the pool sends: 1 for
/// <c>V1_0</c> (ID token only), 2 or 3 for <c>V2_0</c>/<c>V3_0</c> (ID and access tokens), and the answer
/// must be in that version's shape.
/// </summary>
public sealed record PreTokenGenerationEvent : CognitoTriggerFields
{
    /// <summary>The request part.</summary>
    [JsonPropertyName("request")]
    public PreTokenGenerationRequest? Request { get; init; }

    /// <summary>
    /// True for a <c>V2_0</c> or later event, whose answer is <c>claimsAndScopeOverrideDetails</c>; false for
    /// <c>V1_0</c> (and for an event without a version, such as cognito-local's "0").
    /// </summary>
    [JsonIgnore]
    public bool CustomizesAccessToken =>
        int.TryParse(Version, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 2;
}

/// <summary>The request part of a <see cref="PreTokenGenerationEvent"/>.</summary>
public sealed record PreTokenGenerationRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string?>? UserAttributes { get; init; }

    /// <summary>The groups, IAM roles and preferred role Cognito is about to write into the tokens.</summary>
    [JsonPropertyName("groupConfiguration")]
    public GroupOverrideDetails? GroupConfiguration { get; init; }

    /// <summary>Client metadata, if any.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string?>? ClientMetadata { get; init; }
}

/// <summary>
/// Groups, IAM roles and preferred role, as the request carries them and as an answer replaces them. Cognito
/// replaces the whole object with the answer's, so an answer that changes the groups copies the roles.
/// </summary>
public sealed record GroupOverrideDetails
{
    /// <summary>Group names (<c>cognito:groups</c>).</summary>
    [JsonPropertyName("groupsToOverride")]
    public IReadOnlyList<string>? GroupsToOverride { get; init; }

    /// <summary>IAM role ARNs of those groups (<c>cognito:roles</c>).</summary>
    [JsonPropertyName("iamRolesToOverride")]
    public IReadOnlyList<string>? IamRolesToOverride { get; init; }

    /// <summary>The preferred IAM role (<c>cognito:preferred_role</c>).</summary>
    [JsonPropertyName("preferredRole")]
    public string? PreferredRole { get; init; }
}

/// <summary>
/// The token changes of an answer: only the group override (<c>groupOverrideDetails</c>), which Cognito applies
/// to the ID token in a V1_0 answer and to the ID and access tokens in a V2_0 answer.
/// </summary>
public sealed record TokenOverrideDetails
{
    /// <summary>The groups, roles and preferred role the tokens carry instead of the request's.</summary>
    [JsonPropertyName("groupOverrideDetails")]
    public required GroupOverrideDetails GroupOverrideDetails { get; init; }
}

/// <summary>
/// The answer's <c>response</c>: <c>claimsOverrideDetails</c> (V1_0) or <c>claimsAndScopeOverrideDetails</c>
/// (V2_0 and later), or neither: an empty response leaves the tokens as Cognito made them. An empty or null
/// <c>groupOverrideDetails</c> would suppress the groups, so none is ever written without a change.
/// </summary>
public sealed record PreTokenGenerationResponse
{
    /// <summary>The V1_0 changes; omitted when there are none or the event is V2_0.</summary>
    [JsonPropertyName("claimsOverrideDetails")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TokenOverrideDetails? ClaimsOverrideDetails { get; init; }

    /// <summary>The V2_0 changes; omitted when there are none or the event is V1_0.</summary>
    [JsonPropertyName("claimsAndScopeOverrideDetails")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TokenOverrideDetails? ClaimsAndScopeOverrideDetails { get; init; }
}

/// <summary>The envelope returned to Cognito for a <see cref="PreTokenGenerationEvent"/>.</summary>
public sealed record PreTokenGenerationResult : CognitoTriggerFields
{
    /// <summary>The answer Cognito reads.</summary>
    [JsonPropertyName("response")]
    public PreTokenGenerationResponse Response { get; init; } = new();

    /// <summary>The answer that leaves the tokens as they are.</summary>
    public static PreTokenGenerationResult Unchanged(PreTokenGenerationEvent trigger) => new(trigger);

    /// <summary>
    /// The answer adding <paramref name="carried"/> to the groups the request already names (request order first,
    /// then the carried ones it lacks), with the request's IAM roles and preferred role as they are; in the
    /// shape of the event's version. Unchanged when <paramref name="carried"/> adds nothing.
    /// </summary>
    public static PreTokenGenerationResult WithGroups(PreTokenGenerationEvent trigger, IReadOnlyList<string> carried)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(carried);
        var current = trigger.Request?.GroupConfiguration;
        var existing = current?.GroupsToOverride ?? [];
        var union = existing.Concat(carried).Distinct(StringComparer.Ordinal).ToList();
        if (union.Count == existing.Count)
        {
            return Unchanged(trigger);
        }

        var details = new TokenOverrideDetails
        {
            GroupOverrideDetails = new GroupOverrideDetails
            {
                GroupsToOverride = union,
                IamRolesToOverride = current?.IamRolesToOverride,
                PreferredRole = current?.PreferredRole,
            },
        };
        return new PreTokenGenerationResult(trigger)
        {
            Response = trigger.CustomizesAccessToken
                ? new PreTokenGenerationResponse { ClaimsAndScopeOverrideDetails = details }
                : new PreTokenGenerationResponse { ClaimsOverrideDetails = details },
        };
    }

    private PreTokenGenerationResult(CognitoTriggerFields trigger)
        : base(trigger)
    {
    }

    /// <summary>For deserialization.</summary>
    [JsonConstructor]
    public PreTokenGenerationResult()
    {
    }
}
