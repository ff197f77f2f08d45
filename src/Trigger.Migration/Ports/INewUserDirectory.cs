namespace Trigger.Migration.Ports;

/// <summary>The new pool, as the PreSignUp guard needs it.</summary>
public interface INewUserDirectory
{
    /// <summary>True when <paramref name="username"/> already exists in the new pool <paramref name="userPoolId"/>.</summary>
    Task<bool> ExistsAsync(string userPoolId, string username, CancellationToken cancellationToken);
}
