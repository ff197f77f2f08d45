namespace Trigger.Aws.SecurityToken;

/// <summary>
/// Which role <see cref="AssumeRoleCredentials"/> assumes (for an old pool in another account) and
/// how long each session lasts. Checked when the credentials object is built.
/// </summary>
public sealed class AssumeRoleOptions
{
    /// <summary>The role's ARN, for example <c>arn:aws:iam::123456789012:role/old-pool-reader</c>. Required.</summary>
    public required string RoleArn { get; init; }

    /// <summary>The external id the role's trust policy asks for, if any (2 to 1224 characters).</summary>
    public string? ExternalId { get; init; }

    /// <summary>The session name CloudTrail shows. Default <c>cognito-user-migration</c>; 2 to 64 of <c>[\w+=,.@-]</c>.</summary>
    public string RoleSessionName { get; init; } = "cognito-user-migration";

    /// <summary>How long each session is valid. Default 1 hour; allowed 15 minutes to 12 hours (STS limits).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long before expiry a new session is fetched. Default 5 minutes; must be above 0 and below <see cref="Duration"/>.</summary>
    public TimeSpan RefreshBefore { get; init; } = TimeSpan.FromMinutes(5);
}
