namespace Trigger.Benchmarks;

/// <summary>The 1-minute load average during a run (sampled every 2 s), for a machine with <see cref="MachineDescription.ProcessorCount"/> CPUs.</summary>
internal sealed record LoadAverageSummary(double AtStart, double Highest, double AtEnd, double Mean);
