using Trigger.Contract;
using Trigger.Migration.Attributes;
using Trigger.Migration.Ports;

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

    /// <summary>
    /// Which of <see cref="AliasAttributes"/>, <see cref="AttributeMappingOptions.NewCustomAttributes"/> and
    /// <see cref="NewPasswordPolicy"/> were set on purpose (overrides); the others follow the new pool once it is
    /// learned (<see cref="For"/>). Default: all of them, as given.
    /// </summary>
    public NewPoolOverrides Overrides { get; init; } = NewPoolOverrides.All;

    /// <summary>These options for the new pool <paramref name="profile"/>: every setting not overridden taken from the pool.</summary>
    public SignInMigrationOptions For(NewPoolProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return this with
        {
            // A new pool that takes usernames only still has every alias looked up, as the setting's default does:
            // a user may type the email they signed in with before, and the answer then names the old username.
            AliasAttributes = Overrides.HasFlag(NewPoolOverrides.AliasAttributes) ? AliasAttributes
                : profile.SignInAttributes.Count > 0 ? profile.SignInAttributes
                : SignInAliasNames.All,
            Attributes = Overrides.HasFlag(NewPoolOverrides.CustomAttributes) ? Attributes : Attributes with { NewCustomAttributes = profile.CustomAttributes },
            NewPasswordPolicy = Overrides.HasFlag(NewPoolOverrides.PasswordPolicy) ? NewPasswordPolicy : profile.PasswordPolicy,
        };
    }
}

/// <summary>The settings that override what the function learns of the new pool.</summary>
[Flags]
public enum NewPoolOverrides
{
    /// <summary>Everything follows the new pool.</summary>
    None = 0,

    /// <summary>MIGRATION_ALIAS_ATTRIBUTES is set.</summary>
    AliasAttributes = 1,

    /// <summary>MIGRATION_NEW_CUSTOM_ATTRIBUTES is set.</summary>
    CustomAttributes = 2,

    /// <summary>MIGRATION_NEW_PASSWORD_POLICY is set.</summary>
    PasswordPolicy = 4,

    /// <summary>All three are set.</summary>
    All = AliasAttributes | CustomAttributes | PasswordPolicy,
}
