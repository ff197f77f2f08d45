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
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _cached;

    /// <inheritdoc />
    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _cached) is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } fetched)
            {
                return fetched;
            }

            var response = await CognitoFailures.UnavailableOnFailureAsync(
                () => secretsManager.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretArn }, cancellationToken), cancellationToken);
            if (response.SecretString is not { Length: >= SweepProof.MinimumKeyLength } key)
            {
                throw new UserDirectoryUnavailableException(
                    $"the sweep key secret must be a string of at least {SweepProof.MinimumKeyLength} characters", transient: false);
            }

            Volatile.Write(ref _cached, key);
            return key;
        }
        finally
        {
            _gate.Release();
        }
    }
}
