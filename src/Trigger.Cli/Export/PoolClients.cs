using Trigger.Aws;
using Trigger.Aws.Cognito;

namespace Trigger.Cli.Export;

/// <summary>How the commands reach a pool: its region, an optional endpoint override, and the retry policy.</summary>
/// <param name="UserPoolId">The pool; its id's prefix gives the region when none is named.</param>
/// <param name="Region">The region, or null for the pool id's prefix.</param>
/// <param name="Endpoint">An endpoint override (an emulator, a VPC endpoint), or null.</param>
public sealed record PoolConnection(string UserPoolId, string? Region, Uri? Endpoint)
{
    /// <summary>The region to sign for: <see cref="Region"/>, else the part of the pool id before '_'.</summary>
    public string ResolvedRegion => Region ?? (UserPoolId.IndexOf('_', StringComparison.Ordinal) is > 0 and var cut ? UserPoolId[..cut] : UserPoolId);
}

/// <summary>Builds Cognito clients for the export and the sweep.</summary>
internal static class PoolClients
{
    // A batch job can wait: more and longer retries than an interactive call, so that throttling bursts
    // (the quotas are shared with live traffic) are absorbed instead of stopping the run.
    private static readonly AwsResilienceOptions _batchResilience = new()
    {
        MaxRetryAttempts = 8,
        BaseDelay = TimeSpan.FromMilliseconds(250),
        MaxDelay = TimeSpan.FromSeconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(30),
    };

    public static ICognitoIdentityProvider Create(PoolConnection connection, TimeProvider time) =>
        new CognitoIdentityProviderClient(new AwsClientOptions
        {
            Region = connection.ResolvedRegion,
            EndpointOverride = connection.Endpoint,
            TimeProvider = time,
            ResiliencePipeline = AwsResilience.CreatePipeline(_batchResilience, time),
        });
}
