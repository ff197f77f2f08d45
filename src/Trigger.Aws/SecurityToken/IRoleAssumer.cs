using Amazon.Runtime;

namespace Trigger.Aws.SecurityToken;

/// <summary>One STS AssumeRole call; a seam so the session cache can be tested without STS.</summary>
internal interface IRoleAssumer
{
    Task<AssumedRoleSession> AssumeRoleAsync(AssumeRoleOptions role, CancellationToken cancellationToken);
}

/// <summary>The keys of an assumed-role session and when they expire.</summary>
internal sealed record AssumedRoleSession(ImmutableCredentials Credentials, DateTimeOffset Expiration);
