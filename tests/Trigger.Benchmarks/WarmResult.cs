namespace Trigger.Benchmarks;

/// <summary>The warm run of one flavour: its measured invocations and what the process had used at the end.</summary>
/// <param name="Flavour">shipped or jit.</param>
/// <param name="Samples">The measured invocations, in order.</param>
/// <param name="Usage">The runtime process's CPU time and memory after the last one.</param>
/// <param name="CpuPerInvocationMs">The process's CPU time over the measured invocations, divided by their count (old-pool client work included).</param>
internal sealed record WarmResult(string Flavour, IReadOnlyList<WarmSample> Samples, RuntimeProcessUsage Usage, double CpuPerInvocationMs);
