using Trigger.Migration.Decisions;

namespace Trigger.Migration.Ports;

/// <summary>The new pool, as the PreSignUp guard needs it.</summary>
public interface INewUserDirectory
{
    /// <summary>
    /// True when <paramref name="username"/> already exists in the new pool <paramref name="userPoolId"/>: the
    /// user the pool finds for it has that very username by the pool's rule <paramref name="names"/> (not merely
    /// an alias equal to it).
    /// </summary>
    Task<bool> ExistsAsync(string userPoolId, string username, NameRule names, CancellationToken cancellationToken);
}
