namespace Trigger.Cli.Options;

/// <summary>One pool as the command line names it: id, and where and how to reach it.</summary>
/// <param name="Side">Old or new.</param>
/// <param name="PoolId">The pool id, for example <c>eu-west-1_AbCdEf123</c>.</param>
/// <param name="Region">The region given with <c>--old-region</c>/<c>--new-region</c>; null: from the pool id.</param>
/// <param name="EndpointOverride">The endpoint given with <c>--old-endpoint-url</c>/<c>--new-endpoint-url</c>.</param>
/// <param name="RoleArn">A role to assume for this pool (old pool only).</param>
/// <param name="ExternalId">The external id that role asks for.</param>
internal sealed record PoolTarget(
    PoolSide Side,
    string PoolId,
    string? Region,
    Uri? EndpointOverride,
    string? RoleArn = null,
    string? ExternalId = null)
{
    /// <summary>"old" or "new", for messages.</summary>
    public string SideName => Side == PoolSide.Old ? "old" : "new";
}
