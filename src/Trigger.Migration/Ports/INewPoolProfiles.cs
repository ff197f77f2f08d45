namespace Trigger.Migration.Ports;

/// <summary>The new pool's settings, read from the pool itself. Implemented over Cognito in Trigger.Aws.</summary>
public interface INewPoolProfiles
{
    /// <summary>
    /// The profile of <paramref name="userPoolId"/>, read once and kept for the process; a failed read is not
    /// kept, so the next invocation tries again. Throws <see cref="UserDirectoryUnavailableException"/> when the
    /// pool cannot be read.
    /// </summary>
    ValueTask<NewPoolProfile> GetAsync(string userPoolId, CancellationToken cancellationToken);
}
