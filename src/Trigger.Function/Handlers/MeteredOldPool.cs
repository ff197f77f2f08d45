using Trigger.Migration.Ports;

namespace Trigger.Function.Handlers;

/// <summary>Times the calls to the old pool for the invocation log and metrics. The runtime handles one event at a time.</summary>
internal sealed class MeteredOldPool(IOldUserDirectory inner, TimeProvider time, IOldGroupMemberships? groups = null)
    : IOldUserDirectory, IOldGroupMemberships
{
    private long _elapsedTicks;

    public int Calls { get; private set; }

    public double ElapsedMs => _elapsedTicks * 1000.0 / time.TimestampFrequency;

    public void Reset()
    {
        _elapsedTicks = 0;
        Calls = 0;
    }

    public Task<OldUser?> FindByUsernameAsync(string name, CancellationToken cancellationToken) =>
        MeasureAsync(() => inner.FindByUsernameAsync(name, cancellationToken));

    public Task<IReadOnlyList<OldUser>> FindByAttributeAsync(string attribute, string value, int limit, CancellationToken cancellationToken) =>
        MeasureAsync(() => inner.FindByAttributeAsync(attribute, value, limit, cancellationToken));

    public Task<PasswordCheck> CheckPasswordAsync(string username, string password, CancellationToken cancellationToken) =>
        MeasureAsync(() => inner.CheckPasswordAsync(username, password, cancellationToken));

    public Task<IReadOnlyList<string>> GroupsOfAsync(string username, CancellationToken cancellationToken) =>
        groups is null ? Task.FromResult<IReadOnlyList<string>>([]) : MeasureAsync(() => groups.GroupsOfAsync(username, cancellationToken));

    private async Task<T> MeasureAsync<T>(Func<Task<T>> call)
    {
        var start = time.GetTimestamp();
        try
        {
            return await call();
        }
        finally
        {
            Calls++;
            _elapsedTicks += time.GetTimestamp() - start;
        }
    }
}
