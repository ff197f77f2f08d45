namespace Trigger.Demo.Function;

/// <summary>The function's one log line per invocation (<c>"message":"invocation"</c>), the fields the demo shows.</summary>
internal sealed record FunctionLogLine
{
    /// <summary>The line exactly as the function wrote it.</summary>
    public required string Raw { get; init; }

    public required string RequestId { get; init; }

    public required string TriggerSource { get; init; }

    /// <summary>migrated, refused, allowed or error.</summary>
    public required string Outcome { get; init; }

    public string? Reason { get; init; }

    public string? FinalUserStatus { get; init; }

    public bool ViaAlias { get; init; }

    public IReadOnlyList<string> DroppedAttributes { get; init; } = [];

    public double DurationMs { get; init; }

    public int OldPoolCalls { get; init; }

    /// <summary>One line for the tables, e.g. <c>migrated → CONFIRMED via alias</c> or <c>refused: UserDisabled</c>.</summary>
    public string Describe() => Outcome switch
    {
        "migrated" => $"migrated → {FinalUserStatus}{(ViaAlias ? " via alias" : "")}",
        "allowed" => "allowed",
        _ => Reason is null ? Outcome : $"{Outcome}: {Reason}",
    };
}
