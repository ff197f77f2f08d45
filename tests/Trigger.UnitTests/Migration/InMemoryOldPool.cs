using Trigger.Migration.Ports;

namespace Trigger.UnitTests.Migration;

/// <summary>A hand-written old pool for the domain tests: users, passwords, and a log of the calls made.</summary>
internal sealed class InMemoryOldPool : IOldUserDirectory, INewUserDirectory
{
    private readonly Dictionary<string, (OldUser User, string Password, PasswordCheck? Forced)> _users = new(StringComparer.Ordinal);

    public List<string> Calls { get; } = [];

    public HashSet<string> NewPoolUsernames { get; } = new(StringComparer.Ordinal);

    public Exception? FailWith { get; set; }

    /// <summary>Fails only the look-ups whose call line (e.g. <c>FindByAttribute email</c>) it returns an exception for.</summary>
    public Func<string, Exception?>? FailFor { get; set; }

    public InMemoryOldPool Add(OldUser user, string password = "Correct-horse-1", PasswordCheck? forcedCheck = null)
    {
        _users[user.Username] = (user, password, forcedCheck);
        return this;
    }

    public static OldUser User(string username, string status = "CONFIRMED", bool enabled = true, params (string Name, string Value)[] attributes) =>
        new(username, attributes.ToDictionary(a => a.Name, a => a.Value), status, enabled, []);

    public Task<OldUser?> FindByUsernameAsync(string name, CancellationToken cancellationToken)
    {
        Calls.Add($"FindByUsername {name}");
        ThrowIfFailing();
        ThrowIfFailingFor($"FindByUsername {name}");
        return Task.FromResult(_users.TryGetValue(name, out var entry) ? entry.User : null);
    }

    public Task<IReadOnlyList<OldUser>> FindByAttributeAsync(string attribute, string value, int limit, CancellationToken cancellationToken)
    {
        Calls.Add($"FindByAttribute {attribute}");
        ThrowIfFailing();
        ThrowIfFailingFor($"FindByAttribute {attribute} {value}");
        IReadOnlyList<OldUser> found = [.. _users.Values.Select(e => e.User).Where(u => u.Attribute(attribute) == value).Take(limit)];
        return Task.FromResult(found);
    }

    public async Task<PasswordCheck> CheckPasswordAsync(string username, string password, CancellationToken cancellationToken)
    {
        Calls.Add($"CheckPassword {username}");
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfFailing();
        if (!_users.TryGetValue(username, out var entry))
        {
            return PasswordCheck.UnknownUser;
        }

        return entry.Password != password ? PasswordCheck.Rejected : entry.Forced ?? PasswordCheck.Accepted;
    }

    public Task<bool> ExistsAsync(string userPoolId, string username, CancellationToken cancellationToken)
    {
        Calls.Add($"NewPoolExists {username}");
        ThrowIfFailingFor($"NewPoolExists {username}");
        return Task.FromResult(NewPoolUsernames.Contains(username));
    }

    private void ThrowIfFailingFor(string call)
    {
        if (FailFor?.Invoke(call) is { } failure)
        {
            throw failure;
        }
    }

    private void ThrowIfFailing()
    {
        if (FailWith is not null)
        {
            throw FailWith;
        }
    }
}
