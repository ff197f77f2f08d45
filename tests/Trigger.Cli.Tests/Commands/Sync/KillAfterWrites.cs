using Trigger.Aws.Cognito;
using Trigger.Cli.Tests.Commands.Sweep.Support;
using Trigger.Testing.Decorators;

namespace Trigger.Cli.Tests.Commands.Sync;

/// <summary>
/// A client that stops dead (a kill -9) right after the n-th write reached the pool: the write is made, its answer
/// never arrives, and no later call goes out. Subclasses route their writes through <see cref="WriteAsync{T}"/>
/// and every other call they override through <see cref="Alive{T}"/>.
/// </summary>
internal abstract class KillAfterWrites(ICognitoIdentityProvider inner, CrashSwitch crash, int killAfter) : ForwardingCognito(inner)
{
    private int _writes;

    /// <summary>Sends <paramref name="write"/>, then trips the switch if it was the n-th.</summary>
    protected async Task<T> WriteAsync<T>(Func<Task<T>> write)
    {
        var answer = await Alive(write);
        if (Interlocked.Increment(ref _writes) == killAfter)
        {
            crash.Trip();
            throw new SimulatedCrashException();
        }

        return answer;
    }

    /// <summary>Sends <paramref name="call"/> unless the process is already dead.</summary>
    protected Task<T> Alive<T>(Func<Task<T>> call) => crash.Tripped ? throw new SimulatedCrashException() : call();
}
