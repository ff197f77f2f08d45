using System.Text;
using Trigger.Function.Runtime;
using Trigger.Testing;

namespace Trigger.UnitTests.Function.Runtime;

public sealed class RuntimeLoopTests : IAsyncDisposable
{
    private readonly ManualClock _clock = new();
    private readonly ScriptedRuntimeApi _api;
    private readonly RecordingHandler _handler = new();
    private readonly List<string> _unexpected = [];
    private readonly CancellationTokenSource _shutdown = new();
    private readonly DateTimeOffset _processStart;
    private Task? _loop;

    public RuntimeLoopTests()
    {
        _api = new ScriptedRuntimeApi(_clock.Advance);
        _processStart = _clock.GetUtcNow();
        // Init took 300 ms before the loop started.
        _clock.Advance(TimeSpan.FromMilliseconds(300));
    }

    private void StartLoop() =>
        _loop = Task.Run(() => new RuntimeLoop(_api, _handler, _clock, _processStart, _unexpected.Add).RunAsync(_shutdown.Token));

    private static Invocation Event(string requestId, string body = "{}") =>
        new(requestId, DateTimeOffset.MaxValue, "Root=1-abc", Encoding.UTF8.GetBytes(body));

    [Fact]
    public async Task RunAsync_HandlerAnswers_ResponsePostedForThatRequest()
    {
        _handler.Answer = _ => InvocationResult.Success("{\"ok\":1}"u8.ToArray());
        _api.Queue(Event("req-1"));
        StartLoop();

        var posted = await _api.NextPostedAsync();

        Assert.Equal("req-1", posted.RequestId);
        Assert.Equal("{\"ok\":1}", Encoding.UTF8.GetString(posted.Payload!));
    }

    [Fact]
    public async Task RunAsync_HandlerAnswersError_ErrorPostedWithTypeAndMessage()
    {
        _handler.Answer = _ => InvocationResult.Error("MalformedEvent", "The event has no triggerSource.");
        _api.Queue(Event("req-1"));
        StartLoop();

        var posted = await _api.NextPostedAsync();

        Assert.Null(posted.Payload);
        Assert.Equal("MalformedEvent", posted.ErrorType);
        Assert.Equal("The event has no triggerSource.", posted.ErrorMessage);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_GenericErrorPostedTypeReportedAndNextEventServed()
    {
        _handler.Answer = invocation => invocation.RequestId == "req-1"
            ? throw new InvalidOperationException("secret detail")
            : InvocationResult.Success("{}"u8.ToArray());
        _api.Queue(Event("req-1"));
        _api.Queue(Event("req-2"));
        StartLoop();

        var failed = await _api.NextPostedAsync();
        var served = await _api.NextPostedAsync();

        Assert.Equal(("req-1", "InternalError"), (failed.RequestId, failed.ErrorType));
        Assert.DoesNotContain("secret detail", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(["InvalidOperationException"], _unexpected);
        Assert.Equal("req-2", served.RequestId);
        Assert.NotNull(served.Payload);
    }

    [Fact]
    public async Task RunAsync_FirstEventAlreadyQueued_WaitingSinceIsTheProcessStart()
    {
        _api.Queue(Event("cold"));
        StartLoop();

        await _api.NextPostedAsync();

        Assert.Equal(_processStart, _handler.Seen.Single().WaitingSince);
    }

    [Fact]
    public async Task RunAsync_FirstEventAfterALongIdleWait_WaitingSinceIsWhenNextAnswered()
    {
        // Provisioned concurrency or a proactive init: the environment waited for its first event.
        _api.Queue(Event("later"), nextWaits: TimeSpan.FromMinutes(3));
        StartLoop();

        await _api.NextPostedAsync();

        Assert.Equal(_processStart + TimeSpan.FromMilliseconds(300) + TimeSpan.FromMinutes(3), _handler.Seen.Single().WaitingSince);
    }

    [Fact]
    public async Task RunAsync_SecondEvent_WaitingSinceIsWhenNextAnsweredNotTheProcessStart()
    {
        _api.Queue(Event("cold"));
        _api.Queue(Event("warm"), nextWaits: TimeSpan.FromMilliseconds(20));
        StartLoop();

        await _api.NextPostedAsync();
        await _api.NextPostedAsync();

        Assert.Equal(_processStart + TimeSpan.FromMilliseconds(320), _handler.Seen[1].WaitingSince);
    }

    [Fact]
    public async Task RunAsync_ShutdownWhileWaitingForNext_LoopEndsWithCancellation()
    {
        StartLoop();
        await _api.Asked.WaitAsync(TimeSpan.FromSeconds(30));

        await _shutdown.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _loop!);
    }

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        if (_loop is not null)
        {
            await Task.WhenAny(_loop);
        }

        _shutdown.Dispose();
    }

    private sealed class RecordingHandler : IInvocationHandler
    {
        private readonly List<Invocation> _seen = [];

        public Func<Invocation, InvocationResult> Answer { get; set; } = _ => InvocationResult.Success("{}"u8.ToArray());

        public IReadOnlyList<Invocation> Seen
        {
            get
            {
                lock (_seen)
                {
                    return [.. _seen];
                }
            }
        }

        public Task<InvocationResult> HandleAsync(Invocation invocation, CancellationToken cancellationToken)
        {
            lock (_seen)
            {
                _seen.Add(invocation);
            }

            return Task.FromResult(Answer(invocation));
        }
    }
}
