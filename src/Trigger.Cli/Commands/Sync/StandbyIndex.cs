using Trigger.Migration.Decisions;
using Trigger.Aws.Cognito;
using Trigger.Cli.Pacing;

namespace Trigger.Cli.Commands.Sync;

/// <summary>
/// Every standby user, read with ListUsers (which, unlike AdminGetUser, does not make a user a monthly
/// active user, and draws on the standby region's own UserList quota), kept compact: the username, the
/// state, and a 64-bit hash per attribute instead of the values. Enough to tell "unchanged" without a call;
/// a user that looks changed is read in full (AdminGetUser) before anything is written. Keyed by the name as
/// the standby compares names (folded to lower case in a case-insensitive pool).
/// </summary>
internal sealed class StandbyIndex(NameRule names)
{
    private const int PageSize = 60;
    private readonly Dictionary<string, StandbyEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>Standby users indexed.</summary>
    public int Count => _entries.Count;

    /// <summary>ListUsers pages read.</summary>
    public long Pages { get; private set; }

    /// <summary>Every entry, in no particular order.</summary>
    public IEnumerable<StandbyEntry> Entries => _entries.Values;

    /// <summary>The key a username is filed under.</summary>
    public string Key(string username) => names.Key(username);

    /// <summary>The standby user answering to <paramref name="username"/>, or null.</summary>
    public StandbyEntry? Find(string username) => _entries.TryGetValue(Key(username), out var entry) ? entry : null;

    /// <summary>Reads every standby user, pages paced by <paramref name="pace"/>.</summary>
    public async Task LoadAsync(ICognitoIdentityProvider standby, string userPoolId, RequestPace pace, CancellationToken cancellationToken)
    {
        string? token = null;
        var emptyRepeats = 0;
        do
        {
            await pace.WaitAsync(cancellationToken);
            var page = await standby.ListUsersAsync(new ListUsersRequest { UserPoolId = userPoolId, Limit = PageSize, PaginationToken = token }, cancellationToken);
            Pages++;
            foreach (var user in page.Users ?? [])
            {
                if (!string.IsNullOrEmpty(user.Username))
                {
                    _entries[Key(user.Username)] = StandbyEntry.From(user);
                }
            }

            var next = string.IsNullOrEmpty(page.PaginationToken) ? null : page.PaginationToken;

            // Short and empty pages are normal; the same token forever is not (see LivePoolSource).
            emptyRepeats = next is not null && next == token ? emptyRepeats + 1 : 0;
            if (emptyRepeats > 20 || (next is not null && next == token && (page.Users?.Count ?? 0) > 0))
            {
                throw new InvalidOperationException("ListUsers on the standby keeps answering with the PaginationToken it was given; stopping.");
            }

            token = next;
        }
        while (token is not null);
    }
}

/// <summary>One standby user as the index keeps it.</summary>
internal sealed class StandbyEntry
{
    private ulong[] _attributes = [];

    public required string Username { get; init; }

    public bool? Enabled { get; set; }

    public string? Status { get; init; }

    /// <summary>Set once the primary was found to hold this user in this pass.</summary>
    public bool Seen { get; set; }

    /// <summary>Whether the user held <paramref name="name"/> = <paramref name="value"/> when listed (a hash: equal hashes count as equal).</summary>
    public bool Has(string name, string value) => Array.BinarySearch(_attributes, Hash(name, value)) >= 0;

    public static StandbyEntry From(UserType user)
    {
        var hashes = (user.Attributes ?? []).Where(a => a.Value is not null).Select(a => Hash(a.Name, a.Value!)).ToArray();
        Array.Sort(hashes);
        return new StandbyEntry { Username = user.Username!, Enabled = user.Enabled, Status = user.UserStatus, _attributes = hashes };
    }

    // FNV-1a over the name, a separator no attribute name holds, and the value.
    private static ulong Hash(string name, string value)
    {
        const ulong Offset = 14695981039346656037;
        const ulong Prime = 1099511628211;
        var hash = Offset;
        foreach (var c in name)
        {
            hash = (hash ^ c) * Prime;
        }

        hash = (hash ^ '\0') * Prime;
        foreach (var c in value)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }
}
