using Trigger.Contract;

namespace Trigger.Infra.Configuration;

/// <summary>A new pool that already exists; the ops tool attaches the trigger to it.</summary>
internal sealed record ExistingNewPoolSettings : NewPoolSettings
{
    /// <summary>The existing pool's id; it lives in the migration's account and region.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>Whether the same function also guards sign-ups (PreSignUp) on the new pool.</summary>
    public required bool PreSignUpGuard { get; init; }

    /// <summary>The existing pool's custom attributes by name without <c>custom:</c>; empty when not configured.</summary>
    public required IReadOnlySet<string> CustomAttributes { get; init; }

    /// <summary>The existing pool's password policy, or null when not configured.</summary>
    public PasswordPolicy? PasswordPolicy { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyCollection<string> CustomAttributeNames => CustomAttributes;

    /// <inheritdoc/>
    public override PasswordPolicy? KnownPasswordPolicy => PasswordPolicy;

    /// <inheritdoc/>
    public override string CustomAttributesPath => "newPool.existing.customAttributes";
}
