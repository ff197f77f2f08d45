namespace Trigger.Infra.Configuration;

/// <summary>How the new pool's schema holds one standard attribute.</summary>
internal sealed record StandardAttributeSettings(bool Required, bool Mutable);
