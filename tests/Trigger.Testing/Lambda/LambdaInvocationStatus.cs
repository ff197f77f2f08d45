namespace Trigger.Testing.Lambda;

/// <summary>How one invocation through the <see cref="LambdaRuntimeBridge"/> ended.</summary>
public enum LambdaInvocationStatus
{
    /// <summary>The runtime posted a response; <see cref="LambdaInvocation.Payload"/> is the function's result.</summary>
    Succeeded,

    /// <summary>
    /// The runtime posted an invocation error, or its process exited during the invocation
    /// (<c>Runtime.ExitError</c>), or its response was too large.
    /// </summary>
    FunctionError,

    /// <summary>The function did not answer by its deadline; the runtime is killed and restarted on the next invoke.</summary>
    TimedOut,

    /// <summary>The runtime posted an init error, exited, or never asked for an event before its first invocation.</summary>
    InitFailed,
}
