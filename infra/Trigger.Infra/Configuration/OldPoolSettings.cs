namespace Trigger.Infra.Configuration;

/// <summary>The pool users migrate from, and how the function reaches it.</summary>
internal sealed record OldPoolSettings
{
    /// <summary>The old pool id, <c>{region}_{id}</c>.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The old pool's region: the prefix of its id.</summary>
    public required string Region { get; init; }

    /// <summary>An app client of the old pool allowing <c>ALLOW_ADMIN_USER_PASSWORD_AUTH</c>.</summary>
    public required string ClientId { get; init; }

    /// <summary>Optional full ARN of the Secrets Manager secret holding that client's secret.</summary>
    public string? ClientSecretArn { get; init; }

    /// <summary>Optional role in the old pool's account that the function assumes.</summary>
    public CrossAccountRoleSettings? CrossAccountRole { get; init; }

    /// <summary>The old pool's account: the role's account when one is assumed, else the function's.</summary>
    public required string Account { get; init; }

    /// <summary>The old pool's ARN, in its own region and account.</summary>
    public string Arn => $"arn:{AwsIdentifiers.PartitionOf(Region)}:cognito-idp:{Region}:{Account}:userpool/{UserPoolId}";
}
