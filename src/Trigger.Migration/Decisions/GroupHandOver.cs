using Trigger.Migration.Ports;

namespace Trigger.Migration.Decisions;

/// <summary>
/// Carries a migrated user's old groups from the <c>UserMigration</c> invocation to the
/// <c>PostAuthentication</c> invocation that follows it. The migration answer has no groups field and the
/// user does not exist in the new pool until Cognito reads that answer, so the memberships can only be
/// written by a later trigger; keeping the list here (rather than in a custom attribute the new pool may
/// lack, or by asking the old pool on every sign-in) costs later sign-ins nothing: no entry, no call.
/// Held in the execution environment's memory: a later step served by another environment finds nothing here
/// (<see cref="TieredGroupHandOver"/> adds a durable table for that), and the sweep's membership repair adds what
/// was missed. Thread-safe, bounded, entries expire (expired ones are dropped when taken, or swept out when the
/// hand-over is full).
/// </summary>
public sealed class GroupHandOver : IGroupHandOverStore
{
    /// <summary>How long a sign-in's entry waits: the PostAuthentication of the same sign-in follows within seconds.</summary>
    public static readonly TimeSpan SignInLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a forgot-password migration's entry waits: the user first confirms the code (valid one hour)
    /// and then signs in.
    /// </summary>
    public static readonly TimeSpan ForgotPasswordLifetime = TimeSpan.FromMinutes(65);

    private readonly Dictionary<(string Pool, string User), GroupHandOverEntry> _entries = [];
    private readonly Dictionary<string, NameRule> _poolRules = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly int _capacity;

    /// <summary>Creates an empty hand-over holding at most <paramref name="capacity"/> users.</summary>
    public GroupHandOver(TimeProvider time, int capacity = 10_000)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _time = time;
        _capacity = capacity;
    }

    /// <summary>Users waiting for their memberships.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Keeps <paramref name="groups"/> for the new pool's user <paramref name="username"/> for <paramref name="lifetime"/>,
    /// under the name as that pool compares it (<paramref name="names"/>): a case-insensitive pool hands its
    /// PostAuthentication trigger the folded name, a case-sensitive one the exact name and nothing else.
    /// </summary>
    public void Put(string userPoolId, string username, IReadOnlyList<string> groups, TimeSpan lifetime, NameRule names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Put(new GroupHandOverEntry(userPoolId, username, names.IsCaseSensitive, groups, Applied: false, _time.GetUtcNow() + lifetime));
    }

    /// <summary>Keeps <paramref name="entry"/> under the name as its pool compares it.</summary>
    public void Put(GroupHandOverEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.UserPoolId);
        ArgumentNullException.ThrowIfNull(entry.Username);
        ArgumentNullException.ThrowIfNull(entry.Groups);
        var userPoolId = entry.UserPoolId;
        var names = NameRule.For(entry.CaseSensitive);
        var now = _time.GetUtcNow();
        var key = (userPoolId, names.Key(entry.Username));
        lock (_gate)
        {
            _poolRules[userPoolId] = names;
            if (_entries.Count >= _capacity && !_entries.ContainsKey(key))
            {
                RemoveExpired(now);
            }

            if (_entries.Count >= _capacity && !_entries.ContainsKey(key))
            {
                // Full of live entries: the oldest is the least likely still to be waited for.
                var oldest = _entries.MinBy(e => e.Value.Expires).Key;
                _entries.Remove(oldest);
            }

            _entries[key] = entry;
        }
    }

    /// <summary>
    /// Takes (and forgets) the groups kept for <paramref name="username"/>; null when none wait or they expired.
    /// One look-up by the name as the pool compares it, whatever the number of entries: this runs on every
    /// sign-in. In a case-sensitive pool <c>admin</c> never takes what waits for <c>Admin</c>.
    /// </summary>
    public IReadOnlyList<string>? Take(string userPoolId, string username) => TakeEntry(userPoolId, username)?.Groups;

    /// <summary>Takes (and forgets) the live entry for <paramref name="username"/>, as <see cref="Take"/> does.</summary>
    public GroupHandOverEntry? TakeEntry(string userPoolId, string username)
    {
        ArgumentNullException.ThrowIfNull(userPoolId);
        ArgumentNullException.ThrowIfNull(username);
        lock (_gate)
        {
            return _poolRules.TryGetValue(userPoolId, out var names)
                && _entries.Remove((userPoolId, names.Key(username)), out var entry)
                && entry.Expires > _time.GetUtcNow()
                ? entry
                : null;
        }
    }

    /// <inheritdoc />
    public Task PutAsync(GroupHandOverEntry entry, CancellationToken cancellationToken)
    {
        Put(entry);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<GroupHandOverEntry?> TakeAsync(string userPoolId, string username, CancellationToken cancellationToken) =>
        Task.FromResult(TakeEntry(userPoolId, username));

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var key in _entries.Where(e => e.Value.Expires <= now).Select(e => e.Key).ToList())
        {
            _entries.Remove(key);
        }
    }
}
