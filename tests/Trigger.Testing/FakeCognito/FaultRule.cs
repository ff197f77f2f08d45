using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>What a fault rule does to a matching call.</summary>
internal enum FaultKind
{
    Throttle,
    InternalError,
    Custom,
    Delay,
    LoseAnswer,
}

/// <summary>One scripted fault: which calls it matches, how many more times, and what it does.</summary>
internal sealed class FaultRule
{
    public FaultKind Kind { get; init; }

    public string Operation { get; set; } = "*";

    public int Remaining { get; set; } = 1;

    public bool Forever { get; init; }

    public Func<JsonObject, bool>? When { get; set; }

    public TimeSpan Delay { get; init; }

    public string? ErrorType { get; init; }

    public string? Message { get; init; }

    public int StatusCode { get; init; } = 400;
}

/// <summary>What happens to one call: a total delay, then maybe an error instead of the operation.</summary>
internal readonly record struct FaultDecision(TimeSpan Delay, FaultRule? Error);
