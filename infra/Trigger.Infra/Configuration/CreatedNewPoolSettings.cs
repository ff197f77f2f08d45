using Trigger.Contract;

namespace Trigger.Infra.Configuration;

/// <summary>A new pool the stack creates, with both triggers attached while the window is open.</summary>
internal sealed record CreatedNewPoolSettings : NewPoolSettings
{
    /// <summary>Optional pool name; CloudFormation generates one when absent.</summary>
    public string? UserPoolName { get; init; }

    /// <summary>The app client's name.</summary>
    public required string ClientName { get; init; }

    /// <summary>Sign-in aliases besides the username: email, phone_number, preferred_username.</summary>
    public required IReadOnlySet<string> SignInAliases { get; init; }

    /// <summary>Whether user names and aliases are case sensitive (match the old pool).</summary>
    public required bool SignInCaseSensitive { get; init; }

    /// <summary>Whether users may sign themselves up (the PreSignUp guard then protects old users' names).</summary>
    public required bool SelfSignUpEnabled { get; init; }

    /// <summary>
    /// While open, the pool has both triggers and the client allows USER_PASSWORD_AUTH; closing it
    /// detaches the triggers and leaves the client on SRP only.
    /// </summary>
    public required bool MigrationWindowOpen { get; init; }

    /// <summary>Standard attributes by OIDC name (e.g. <c>email</c>), with their required/mutable flags.</summary>
    public required IReadOnlyDictionary<string, StandardAttributeSettings> StandardAttributes { get; init; }

    /// <summary>Custom attributes by name without the <c>custom:</c> prefix.</summary>
    public required IReadOnlyDictionary<string, CustomAttributeSettings> CustomAttributes { get; init; }

    /// <summary>Groups declared in the pool by name (exact, case-sensitive), e.g. those <c>cognito-migrate groups</c> would copy.</summary>
    public IReadOnlyDictionary<string, GroupSettings> Groups { get; init; } = new Dictionary<string, GroupSettings>();

    /// <summary>
    /// The pool's feature plan (<c>UserPoolTier</c>: LITE, ESSENTIALS or PLUS) when the configuration names one; null
    /// leaves it to Cognito. Essentials and Plus allow the V2_0 Pre token generation event, which customises the
    /// access token too.
    /// </summary>
    public string? FeaturePlan { get; init; }

    /// <summary>True when the feature plan allows access token customisation (Pre token generation V2_0).</summary>
    public bool CustomizesAccessTokens => FeaturePlan is "ESSENTIALS" or "PLUS";

    /// <summary>The pool's password policy, set explicitly on the pool (the function reads it of the pool).</summary>
    public required PasswordPolicy PasswordPolicy { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyCollection<string> CustomAttributeNames => [.. CustomAttributes.Keys];

    /// <inheritdoc/>
    public override PasswordPolicy KnownPasswordPolicy => PasswordPolicy;

    /// <inheritdoc/>
    public override string CustomAttributesPath => "newPool.create.customAttributes";
}
