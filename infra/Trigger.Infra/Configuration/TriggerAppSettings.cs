namespace Trigger.Infra.Configuration;

/// <summary>Everything the operator configured: one entry per migration, one stack per entry.</summary>
internal sealed record TriggerAppSettings(IReadOnlyList<MigrationSettings> Migrations);
