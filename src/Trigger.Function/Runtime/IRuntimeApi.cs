namespace Trigger.Function.Runtime;

/// <summary>
/// The Lambda Runtime API as the runtime loop and init use it (2018-06-01: next, response, error, init
/// error). <see cref="RuntimeApiClient"/> speaks it over HTTP; a test can stand in for it.
/// </summary>
internal interface IRuntimeApi
{
    /// <summary>Waits for the next event; no timeout (the environment may freeze between events).</summary>
    Task<Invocation> NextAsync(CancellationToken cancellationToken);

    /// <summary>Posts the answer to the event <paramref name="requestId"/>.</summary>
    Task RespondAsync(string requestId, byte[] payload, CancellationToken cancellationToken);

    /// <summary>Posts an error for the event <paramref name="requestId"/>; the message must carry no event content.</summary>
    Task FailAsync(string requestId, string errorType, string errorMessage, CancellationToken cancellationToken);

    /// <summary>Reports that init failed; Lambda shows the message as the init error.</summary>
    Task FailInitAsync(string errorType, string errorMessage, CancellationToken cancellationToken);
}
