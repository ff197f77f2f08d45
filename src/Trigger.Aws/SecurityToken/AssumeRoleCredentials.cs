using Amazon.Runtime;
using Trigger.Contract;

namespace Trigger.Aws.SecurityToken;

/// <summary>
/// Credentials of an assumed role, for a pool in another account. The role is assumed once through
/// AWSSDK.SecurityToken, the session is cached and replaced <see cref="AssumeRoleOptions.RefreshBefore"/>
/// ahead of its expiry, so a call never waits on STS except for the first one and one per refresh.
/// Concurrent callers share a single STS call. If a refresh fails while the current session is still
/// good for another minute, the current one is used and STS is asked again 30 seconds later.
/// </summary>
public sealed class AssumeRoleCredentials : AWSCredentials
{
    // Below this remaining lifetime a session is not handed out even when a refresh just failed.
    private static readonly TimeSpan _minimumRemaining = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan _retryAfterFailedRefresh = TimeSpan.FromSeconds(30);

    private readonly AssumeRoleOptions _options;
    private readonly IRoleAssumer _assumer;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private volatile AssumedRoleSession? _session;
    private DateTimeOffset _nextRefreshAttempt = DateTimeOffset.MinValue;

    /// <summary>Prepares the credentials; nothing is sent until they are first used.</summary>
    /// <param name="role">The role to assume and the session settings.</param>
    /// <param name="stsClient">How to reach STS: region, endpoint (<c>AWS_ENDPOINT_URL_STS</c> and the other
    /// endpoint rules apply), the credentials that may assume the role (default chain when null), HttpClient,
    /// clock and environment. Its <see cref="AwsClientOptions.ResiliencePipeline"/> is not used: the SDK retries STS itself.</param>
    /// <exception cref="AwsConfigurationException">The role settings or the STS region or endpoint are invalid.</exception>
    public AssumeRoleCredentials(AssumeRoleOptions role, AwsClientOptions? stsClient = null)
        : this(role, CreateAssumer(role, stsClient ?? new AwsClientOptions()), stsClient?.TimeProvider ?? TimeProvider.System)
    {
    }

    internal AssumeRoleCredentials(AssumeRoleOptions role, IRoleAssumer assumer, TimeProvider timeProvider)
    {
        Validate(role);
        _options = role;
        _assumer = assumer;
        _timeProvider = timeProvider;
    }

    /// <summary>The session's keys, assuming the role first if needed.</summary>
    /// <param name="cancellationToken">The caller's token; an STS call in flight is abandoned when it fires.</param>
    public async Task<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var current = _session;
        if (current is not null && !NeedsRefresh(current))
        {
            return current.Credentials;
        }

        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            current = _session;
            if (current is not null && !NeedsRefresh(current))
            {
                return current.Credentials;
            }

            var now = _timeProvider.GetUtcNow();
            if (current is not null && IsStillUsable(current, now) && now < _nextRefreshAttempt)
            {
                return current.Credentials;
            }

            try
            {
                var fresh = await _assumer.AssumeRoleAsync(_options, cancellationToken);
                _session = fresh;
                Expiration = fresh.Expiration.UtcDateTime;
                return fresh.Credentials;
            }
            catch (Exception exception) when (exception is not OperationCanceledException
                && current is not null && IsStillUsable(current, now))
            {
                // STS trouble must not fail sign-ins while the current session still works.
                _nextRefreshAttempt = now + _retryAfterFailedRefresh;
                return current.Credentials;
            }
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>The session's keys. Prefer <see cref="GetCredentialsAsync(CancellationToken)"/>; this blocks on STS when a refresh is due.</summary>
    public override Task<ImmutableCredentials> GetCredentialsAsync() => GetCredentialsAsync(CancellationToken.None);

    /// <summary>The session's keys, blocking on STS when a refresh is due (the SDK's synchronous contract).</summary>
    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync(CancellationToken.None).GetAwaiter().GetResult();

    private bool NeedsRefresh(AssumedRoleSession session) =>
        _timeProvider.GetUtcNow() >= session.Expiration - _options.RefreshBefore;

    private static bool IsStillUsable(AssumedRoleSession session, DateTimeOffset now) =>
        session.Expiration - now > _minimumRemaining;

    private static SecurityTokenRoleAssumer CreateAssumer(AssumeRoleOptions role, AwsClientOptions sts)
    {
        Validate(role);
        return new SecurityTokenRoleAssumer(sts);
    }

    private static void Validate(AssumeRoleOptions role)
    {
        ArgumentNullException.ThrowIfNull(role);
        if (string.IsNullOrWhiteSpace(role.RoleArn) || !AwsIdentifierRules.IsRoleArn(role.RoleArn))
        {
            throw new AwsConfigurationException(
                "AssumeRoleOptions.RoleArn is not an IAM role ARN like 'arn:aws:iam::123456789012:role/name'.");
        }

        if (role.ExternalId is not null && !AwsIdentifierRules.IsExternalId(role.ExternalId))
        {
            // Not echoed: an external id is meant to be hard to guess.
            throw new AwsConfigurationException(
                "AssumeRoleOptions.ExternalId must be 2 to 1224 characters of letters, digits and +=,.@:/-.");
        }

        if (!AwsIdentifierRules.IsRoleSessionName(role.RoleSessionName ?? string.Empty))
        {
            throw new AwsConfigurationException(
                "AssumeRoleOptions.RoleSessionName must be 2 to 64 characters of letters, digits and _+=,.@-.");
        }

        if (role.Duration < TimeSpan.FromMinutes(15) || role.Duration > TimeSpan.FromHours(12))
        {
            throw new AwsConfigurationException("AssumeRoleOptions.Duration must be between 15 minutes and 12 hours.");
        }

        if (role.RefreshBefore <= TimeSpan.Zero || role.RefreshBefore >= role.Duration)
        {
            throw new AwsConfigurationException("AssumeRoleOptions.RefreshBefore must be above zero and below Duration.");
        }
    }
}
