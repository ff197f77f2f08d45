namespace Trigger.Infra.Configuration;

/// <summary>
/// The optional <c>functionSettings</c> of a migration: how the function resolves names, maps attributes
/// and treats weak passwords. A null or empty value leaves the function's own default (its variable unset).
/// </summary>
internal sealed record FunctionSettings
{
    /// <summary>No setting given: every variable keeps the function's default.</summary>
    public static FunctionSettings None { get; } = new();

    /// <summary>Old-pool attributes a typed sign-in name is looked up by; null for the function's default (all three).</summary>
    public IReadOnlyList<string>? AliasAttributes { get; init; }

    /// <summary>Old attribute name to new attribute name.</summary>
    public IReadOnlyDictionary<string, string> AttributeRenames { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A custom attribute of the new pool (<c>custom:name</c>) that receives the old <c>sub</c>, or null.</summary>
    public string? LegacySubAttribute { get; init; }

    /// <summary>What to do with a right password the new policy rejects; null for the function's default (reset).</summary>
    public WeakPasswordAction? WeakPasswordAction { get; init; }

    /// <summary>What to do with a user whose MFA cannot be carried over (reset, refuse, allow); null for the function's default (reset).</summary>
    public string? UncarriedMfaAction { get; init; }

    /// <summary>The Secrets Manager secret holding the sweep key the PreSignUp guard checks the sweep's proofs with; null: none accepted.</summary>
    public string? SweepKeySecretArn { get; init; }

    /// <summary>Whether the PreSignUp guard lets a sign-up through when the old pool cannot be asked; null for the default (false).</summary>
    public bool? PreSignUpFailOpen { get; init; }
}
