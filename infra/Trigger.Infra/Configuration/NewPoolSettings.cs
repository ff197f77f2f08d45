namespace Trigger.Infra.Configuration;

/// <summary>The pool users migrate to: <see cref="CreatedNewPoolSettings"/> or <see cref="ExistingNewPoolSettings"/>.</summary>
internal abstract record NewPoolSettings;
