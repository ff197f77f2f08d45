namespace Trigger.Migration.Ports;

/// <summary>Where the PreSignUp guard gets the sweep key that <see cref="Decisions.SweepProof"/> proofs are checked with.</summary>
public interface ISweepKeySource
{
    /// <summary>The key (cached after the first call). Throws <see cref="UserDirectoryUnavailableException"/> when it cannot be read.</summary>
    ValueTask<string> GetAsync(CancellationToken cancellationToken);
}
