namespace Trigger.Infra.Configuration;

/// <summary>One custom attribute of the new pool's schema.</summary>
internal sealed record CustomAttributeSettings(CustomAttributeType Type, bool Mutable);
