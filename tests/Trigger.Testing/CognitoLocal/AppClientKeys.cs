namespace Trigger.Testing;

/// <summary>A created app client. <see cref="ToString"/> never shows the secret.</summary>
/// <param name="ClientId">The client id.</param>
/// <param name="ClientSecret">The client secret, when one was generated.</param>
public sealed record AppClientKeys(string ClientId, string? ClientSecret)
{
    /// <summary>The client id and whether there is a secret; never the secret itself.</summary>
    public override string ToString() => $"AppClientKeys {{ ClientId = {ClientId}, HasSecret = {ClientSecret is not null} }}";
}
