namespace Trigger.Function.Runtime;

/// <summary>Handles one event. Must not throw for a bad event: it answers with an error result instead.</summary>
internal interface IInvocationHandler
{
    Task<InvocationResult> HandleAsync(Invocation invocation, CancellationToken cancellationToken);
}
