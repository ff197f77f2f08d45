using Trigger.Contract;

namespace Trigger.Infra.Configuration;

/// <summary>The pool users migrate to: <see cref="CreatedNewPoolSettings"/> or <see cref="ExistingNewPoolSettings"/>.</summary>
internal abstract record NewPoolSettings
{
    /// <summary>
    /// The new pool's custom attributes as the configuration knows them, by name without <c>custom:</c>.
    /// The function keeps only these custom attributes of an old user and drops every other one.
    /// </summary>
    public abstract IReadOnlyCollection<string> CustomAttributeNames { get; }

    /// <summary>The new pool's password policy as the configuration knows it; null when not given (the function reads the pool's own either way).</summary>
    public abstract PasswordPolicy? KnownPasswordPolicy { get; }

    /// <summary>Where the custom attributes are configured, for messages.</summary>
    public abstract string CustomAttributesPath { get; }
}
