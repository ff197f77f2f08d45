namespace Trigger.Function.Configuration;

/// <summary>A missing or malformed setting. The message names the variable and never echoes a secret value.</summary>
internal sealed class SettingsException(string message) : Exception(message);
