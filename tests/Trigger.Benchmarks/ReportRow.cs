namespace Trigger.Benchmarks;

/// <summary>One line of a result table, already formatted; empty strings for cells that do not apply.</summary>
internal sealed record ReportRow(string Figure, string Shipped, string Jit, string Ratio, string Target);
