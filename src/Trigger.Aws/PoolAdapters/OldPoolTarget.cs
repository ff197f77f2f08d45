namespace Trigger.Aws.PoolAdapters;

/// <summary>The old pool and the app client the trigger authenticates through (it must allow ADMIN_USER_PASSWORD_AUTH).</summary>
/// <param name="UserPoolId">The old pool's id.</param>
/// <param name="ClientId">The old app client's id.</param>
public sealed record OldPoolTarget(string UserPoolId, string ClientId);
