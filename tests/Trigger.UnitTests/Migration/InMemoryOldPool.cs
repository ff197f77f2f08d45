using Trigger.Migration.Decisions;
using Trigger.Migration.Ports;

namespace Trigger.UnitTests.Migration;

/// <summary>A hand-written old pool for the domain tests: users, passwords, and a log of the calls made.</summary>
internal sealed class InMemoryOldPool : IOldUserDirectory, INewUserDirectory
{
    private readonly Dictionary<string, (OldUser User, string Password, PasswordCheck? Forced)> _users = new(StringComparer.Ordinal);

    public List<string> Calls { get; } = [];

    public HashSet<string> NewPoolUsernames { get; } = new(StringComparer.Ordinal);

    public Exception? FailWith { get; set; }

    /// <summary>The old pool's own case rule for its look-ups: a case-insensitive pool folds usernames, email and preferred_username.</summary>
    public NameRule Names { get; init; } = NameRule.CaseSensitive;

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
        return Task.FromResult(_users.Values.Select(e => e.User).FirstOrDefault(u => Names.Same(u.Username, name)));
    }

    public Task<IReadOnlyList<OldUser>> FindByAttributeAsync(string attribute, string value, int limit, CancellationToken cancellationToken)
    {
        Calls.Add($"FindByAttribute {attribute}");
        ThrowIfFailing();
        ThrowIfFailingFor($"FindByAttribute {attribute} {value}");
        var folds = attribute is "email" or "preferred_username" ? Names : NameRule.CaseSensitive;
        IReadOnlyList<OldUser> found = [.. _users.Values.Select(e => e.User).Where(u => folds.Same(u.Attribute(attribute), value)).Take(limit)];
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

    public Task<bool> ExistsAsync(string userPoolId, string username, NameRule names, CancellationToken cancellationToken)
    {
        Calls.Add($"NewPoolExists {username}");
        ThrowIfFailingFor($"NewPoolExists {username}");
        return Task.FromResult(NewPoolUsernames.Any(n => names.Same(n, username)));
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
