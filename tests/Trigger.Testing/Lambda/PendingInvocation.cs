namespace Trigger.Testing.Lambda;

/// <summary>One event on its way through the Runtime API: queued, taken by the runtime, answered.</summary>
internal sealed class PendingInvocation(string requestId, byte[] eventBody)
{
    private readonly TaskCompletionSource<DateTimeOffset> _taken = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<RuntimeAnswer> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string RequestId { get; } = requestId;

    public byte[] EventBody { get; } = eventBody;

    /// <summary>The process that took the event; null until then.</summary>
    public RuntimeProcess? TakenBy { get; private set; }

    /// <summary>Completes with the deadline when the runtime's <c>next</c> call receives the event.</summary>
    public Task<DateTimeOffset> Taken => _taken.Task;

    /// <summary>Completes when the runtime posts the response or the error for this request id.</summary>
    public Task<RuntimeAnswer> Answered => _answered.Task;

    public bool TryTake(RuntimeProcess runtime, DateTimeOffset deadline)
    {
        if (_taken.Task.IsCompleted)
        {
            return false;
        }

        TakenBy = runtime;
        return _taken.TrySetResult(deadline);
    }

    public bool TryAnswer(RuntimeAnswer answer) => _answered.TrySetResult(answer);
}
