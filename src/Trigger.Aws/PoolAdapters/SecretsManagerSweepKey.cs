using Trigger.Aws.SecretsManager;
using Trigger.Migration.Decisions;
using Trigger.Migration.Ports;

namespace Trigger.Aws.PoolAdapters;

/// <summary>
/// The sweep key from one Secrets Manager secret (a plain string of at least
/// <see cref="SweepProof.MinimumKeyLength"/> characters), read on first use and cached. A key that
/// cannot be read, or is too short, throws <see cref="UserDirectoryUnavailableException"/>: the guard
/// then does not accept any sweep proof. The value is never logged or put in an exception message.
/// </summary>
public sealed class SecretsManagerSweepKey(ISecretsManager secretsManager, string secretArn) : ISweepKeySource
{
    private readonly CachedSecretString _secret = new(secretsManager, secretArn, Parse);

    /// <inheritdoc />
    public async ValueTask<string> GetAsync(CancellationToken cancellationToken) =>
        await CognitoFailures.UnavailableOnFailureAsync(() => _secret.GetAsync(cancellationToken).AsTask(), cancellationToken);

    private static string Parse(string? secretString) =>
        secretString is { Length: >= SweepProof.MinimumKeyLength } key
            ? key
            : throw new UserDirectoryUnavailableException(
                $"the sweep key secret must be a string of at least {SweepProof.MinimumKeyLength} characters", transient: false);
}
