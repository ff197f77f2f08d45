namespace Trigger.Migration.Ports;

/// <summary>The old pool, as the migration needs it. Implemented over Cognito in Trigger.Aws.</summary>
public interface IOldUserDirectory
{
    /// <summary>The user whose username (or an alias the old pool itself knows) is <paramref name="name"/>; null if none.</summary>
    Task<OldUser?> FindByUsernameAsync(string name, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> users whose <paramref name="attribute"/> equals <paramref name="value"/>.</summary>
    Task<IReadOnlyList<OldUser>> FindByAttributeAsync(string attribute, string value, int limit, CancellationToken cancellationToken);

    /// <summary>Checks <paramref name="password"/> for <paramref name="username"/> (a real old username, not an alias).</summary>
    Task<PasswordCheck> CheckPasswordAsync(string username, string password, CancellationToken cancellationToken);
}
