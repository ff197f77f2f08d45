using System.Threading.Channels;
using Trigger.Function.Runtime;

namespace Trigger.UnitTests.Function.Runtime;

/// <summary>
/// A Runtime API in memory: hands out the events a test queues (advancing the test's clock by the
/// wait it scripts) and records what the loop posts. With no event queued, <c>next</c> waits like Lambda's.
/// </summary>
internal sealed class ScriptedRuntimeApi(Action<TimeSpan> advance) : IRuntimeApi
{
    private readonly Channel<(Invocation Invocation, TimeSpan Wait)> _events = Channel.CreateUnbounded<(Invocation, TimeSpan)>();
    private readonly Channel<Posted> _posted = Channel.CreateUnbounded<Posted>();
    private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the loop posted for one event.</summary>
    internal sealed record Posted(string RequestId, byte[]? Payload, string? ErrorType, string? ErrorMessage);

    /// <summary>Queues an event; the <c>next</c> call that takes it moves the clock by <paramref name="nextWaits"/> first.</summary>
    public void Queue(Invocation invocation, TimeSpan? nextWaits = null) => _events.Writer.TryWrite((invocation, nextWaits ?? TimeSpan.Zero));

    public async Task<Posted> NextPostedAsync() => await _posted.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Completes once the loop has called <c>next</c>.</summary>
    public Task Asked => _asked.Task;

    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        _asked.TrySetResult();
        var (invocation, wait) = await _events.Reader.ReadAsync(cancellationToken);
        advance(wait);
        return invocation;
    }

    public Task RespondAsync(string requestId, byte[] payload, CancellationToken cancellationToken)
    {
        _posted.Writer.TryWrite(new Posted(requestId, payload, null, null));
        return Task.CompletedTask;
    }

    public Task FailAsync(string requestId, string errorType, string errorMessage, CancellationToken cancellationToken)
    {
        _posted.Writer.TryWrite(new Posted(requestId, null, errorType, errorMessage));
        return Task.CompletedTask;
    }

    public Task FailInitAsync(string errorType, string errorMessage, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The runtime loop never reports an init error.");
}

