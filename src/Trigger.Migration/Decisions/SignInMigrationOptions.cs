using Trigger.Contract;
using Trigger.Migration.Attributes;

namespace Trigger.Migration.Decisions;

/// <summary>Settings of the sign-in and forgot-password migration.</summary>
public sealed record SignInMigrationOptions
{
    /// <summary>Alias attributes a typed name is looked up by when it is not an old username. Default: email, phone_number, preferred_username.</summary>
    public IReadOnlyList<string> AliasAttributes { get; init; } = SignInAliasNames.All;

    /// <summary>How attributes land in the new schema.</summary>
    public AttributeMappingOptions Attributes { get; init; } = new();

    /// <summary>The new pool's password policy, or null to trust every old password.</summary>
    public PasswordPolicy? NewPasswordPolicy { get; init; }

    /// <summary>What to do with a right password the new policy rejects. Default: <see cref="WeakPasswordAction.Reset"/>.</summary>
    public WeakPasswordAction WeakPasswordAction { get; init; } = WeakPasswordAction.Reset;

    /// <summary>What to do with a user whose MFA cannot be carried over. Default: <see cref="UncarriedMfaAction.Reset"/>.</summary>
    public UncarriedMfaAction UncarriedMfaAction { get; init; } = UncarriedMfaAction.Reset;
}
