namespace Trigger.Infra.Configuration;

/// <summary>A wrong or missing configuration value; the message names it and synthesis stops.</summary>
internal sealed class MigrationConfigException(string message) : Exception(message);
