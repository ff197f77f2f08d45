namespace Trigger.Infra.Configuration;

/// <summary>The role in the old pool's account that the function assumes, and its external id.</summary>
internal sealed record CrossAccountRoleSettings
{
    /// <summary>The role's full ARN.</summary>
    public required string RoleArn { get; init; }

    /// <summary>The external id the role's trust policy requires.</summary>
    public required string ExternalId { get; init; }

    /// <summary>The account that owns the role (and the old pool).</summary>
    public required string Account { get; init; }

    /// <summary>The role's path, <c>/</c> when none.</summary>
    public required string RolePath { get; init; }

    /// <summary>The role's name without its path.</summary>
    public required string RoleName { get; init; }
}
