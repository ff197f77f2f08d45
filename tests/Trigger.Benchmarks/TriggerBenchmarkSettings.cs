namespace Trigger.Benchmarks;

/// <summary>How much the trigger benchmark measures.</summary>
/// <param name="ColdStarts">Measured cold starts per flavour (at least 1).</param>
/// <param name="Invocations">Measured warm invocations per flavour (at least 1).</param>
/// <param name="WarmUp">Invocations discarded before measuring, the cold start among them (at least 1).</param>
/// <param name="ExtraFunctionEnvironment">Variables added to both flavours' environment for an experiment; empty for the reference figures.</param>
internal sealed record TriggerBenchmarkSettings(
    int ColdStarts, int Invocations, int WarmUp, IReadOnlyList<KeyValuePair<string, string>> ExtraFunctionEnvironment);
