namespace Trigger.Benchmarks;

/// <summary>One cold start of one flavour, as the bridge timed it, and what its process had used by then.</summary>
/// <param name="Flavour">shipped or jit.</param>
/// <param name="InitMs">Process start to its first <c>next</c> call (the init phase).</param>
/// <param name="FirstResponseMs">Process start to its first response post: the cold-start figure compared.</param>
/// <param name="InvokeMs">The invoke call as a caller saw it (bridge round trip including the start).</param>
/// <param name="DurationMs">The function's own durationMs for that first invocation.</param>
/// <param name="OldPoolMs">The old-pool time the function logged for that first invocation.</param>
/// <param name="Usage">The runtime process's CPU time and memory right after the first response.</param>
internal sealed record ColdStartSample(string Flavour, double InitMs, double FirstResponseMs, double InvokeMs, double DurationMs, double OldPoolMs, RuntimeProcessUsage Usage);
