namespace Trigger.Demo.Seeds;

/// <summary>A seed file is missing or wrong; the message names the file and the entry.</summary>
internal sealed class SeedFileException(string message, Exception? inner = null) : Exception(message, inner);
