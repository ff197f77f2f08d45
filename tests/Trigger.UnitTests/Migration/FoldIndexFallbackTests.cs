using Trigger.Migration.Decisions;
using Trigger.Migration.Events;
using Trigger.Migration.Ports;

namespace Trigger.UnitTests.Migration;

/// <summary>
/// The resolver and the PreSignUp guard over a case-sensitive old pool (the in-memory pool is exact) with a
/// fold index: consulted when the exact look-ups find nobody, and after an exact hit to catch another old user owning the same folded name; one owner resolves by its own username, two
/// or more are a conflict.
/// </summary>
public sealed class FoldIndexFallbackTests
{
    private const string Password = "Correct-horse-1";

    private static InMemoryOldPool Pool() => new InMemoryOldPool()
        .Add(InMemoryOldPool.User("Quinn", attributes: [("email", "Quinn.Q@Example.com"), ("email_verified", "true")]))
        .Add(InMemoryOldPool.User("Alice"))
        .Add(InMemoryOldPool.User("alice"))
        .Add(InMemoryOldPool.User("Sky"))
        .Add(InMemoryOldPool.User("Rory", attributes: [("preferred_username", "SKY")]));

    private static FoldIndex IndexOf(InMemoryOldPool pool, params string[] usernames) => new(usernames.Select(u => pool.FindByUsernameAsync(u, default).Result!));

    private static FoldIndex FullIndex(InMemoryOldPool pool) => IndexOf(pool, "Quinn", "Alice", "alice", "Sky", "Rory");

    private static UserMigrationEvent SignIn(string name) => new()
    {
        TriggerSource = TriggerSources.MigrationAuthentication,
        UserPoolId = "eu-west-1_new",
        UserName = name,
        Request = new UserMigrationRequest { Password = Password },
    };

    private static PreSignUpEvent SignUp(string name, string? email = null) => new()
    {
        TriggerSource = TriggerSources.PreSignUpSignUp,
        UserPoolId = "eu-west-1_new",
        UserName = name,
        Request = new PreSignUpRequest { UserAttributes = email is null ? [] : new Dictionary<string, string?> { ["email"] = email } },
    };

    [Fact]
    public async Task Resolve_LowercasedUsername_OneOwnerFoundByItsOwnUsername()
    {
        var pool = Pool();
        var resolution = await new SignInNameResolver(pool, ["email"], NameRule.CaseInsensitive, FullIndex(pool)).ResolveAsync("quinn", CancellationToken.None);

        Assert.Equal("Quinn", resolution.User?.Username);
        Assert.False(resolution.ViaAlias);
        Assert.Equal("FindByUsername Quinn", pool.Calls[^1]);
    }

    [Fact]
    public async Task Migrate_LowercasedEmail_PasswordCheckedAgainstTheOldUsernameWhichTheAnswerCarries()
    {
        var pool = Pool();
        var outcome = await new SignInMigration(pool, new SignInMigrationOptions(), foldIndex: FullIndex(pool)).MigrateAsync(SignIn("quinn.q@example.com"), CancellationToken.None);

        Assert.Null(outcome.Refusal);
        Assert.Contains("CheckPassword Quinn", pool.Calls);
        Assert.Equal("Quinn", outcome.Response.UserAttributes!["username"]);
    }

    [Theory]
    [InlineData("alice")] // Alice and alice both old users: the new pool hands either of them over as "alice"
    [InlineData("ALICE")]
    public async Task Resolve_ExactMatchWhoseFoldedNameAnotherOldUserOwns_RefusedAsAConflict(string name)
    {
        var pool = Pool();
        pool.Add(InMemoryOldPool.User("ALICE"));
        var index = IndexOf(pool, "Quinn", "Alice", "alice", "ALICE", "Sky", "Rory");

        var resolution = await new SignInNameResolver(pool, [], NameRule.CaseInsensitive, index).ResolveAsync(name, CancellationToken.None);

        Assert.Null(resolution.User);
        Assert.True(resolution.Ambiguous);
        Assert.Equal(1, index.Lookups);
    }

    [Fact]
    public async Task Resolve_ExactMatchNoOtherOldUserOwnsInAnyCase_Found()
    {
        var pool = Pool();
        var index = FullIndex(pool);

        var resolution = await new SignInNameResolver(pool, [], NameRule.CaseInsensitive, index).ResolveAsync("Quinn", CancellationToken.None);

        Assert.Equal("Quinn", resolution.User?.Username);
        Assert.False(resolution.Ambiguous);
    }

    [Fact]
    public async Task MigrateAsync_ExactMatchThatFoldsOntoAnotherOldUser_RefusedBeforeAnyPasswordCheck()
    {
        var pool = Pool();

        var outcome = await new SignInMigration(pool, new SignInMigrationOptions(), foldIndex: FullIndex(pool)).MigrateAsync(SignIn("alice"), CancellationToken.None);

        Assert.Equal(Refusal.AmbiguousSignInName, outcome.Refusal);
        Assert.DoesNotContain(pool.Calls, call => call.StartsWith("CheckPassword", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resolve_TwoOldUsernamesFoldTogether_Ambiguous()
    {
        var pool = Pool();

        var resolution = await new SignInNameResolver(pool, [], NameRule.CaseInsensitive, FullIndex(pool)).ResolveAsync("aLiCe", CancellationToken.None);

        Assert.True(resolution.Ambiguous);
        Assert.Null(resolution.User);
    }

    [Fact]
    public async Task Migrate_UsernameFoldsOntoAnotherUsersAlias_RefusedAsAmbiguousWithoutPasswordCheck()
    {
        var pool = Pool();

        var outcome = await new SignInMigration(pool, new SignInMigrationOptions(), foldIndex: FullIndex(pool)).MigrateAsync(SignIn("sky"), CancellationToken.None);

        Assert.Equal(Refusal.AmbiguousSignInName, outcome.Refusal);
        Assert.DoesNotContain(pool.Calls, call => call.StartsWith("CheckPassword", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resolve_OwnerDeletedSinceTheIndexWasBuilt_NotFound()
    {
        var pool = Pool();
        var index = new FoldIndex([InMemoryOldPool.User("Gone")]);

        var resolution = await new SignInNameResolver(pool, [], NameRule.CaseInsensitive, index).ResolveAsync("gone", CancellationToken.None);

        Assert.Null(resolution.User);
        Assert.False(resolution.Ambiguous);
    }

    [Fact]
    public async Task Resolve_WithoutIndex_LowercasedNameNotFound()
    {
        var resolution = await new SignInNameResolver(Pool(), ["email"], NameRule.CaseInsensitive).ResolveAsync("quinn", CancellationToken.None);

        Assert.Null(resolution.User);
    }

    [Fact]
    public async Task Migrate_IndexUnreadable_RefusedAsOldPoolUnavailable()
    {
        var pool = Pool();
        var index = FullIndex(pool);
        index.Failure = new UserDirectoryUnavailableException("fold index ProvisionedThroughputExceededException");

        var outcome = await new SignInMigration(pool, new SignInMigrationOptions(), foldIndex: index).MigrateAsync(SignIn("quinn"), CancellationToken.None);

        Assert.Equal(Refusal.OldPoolUnavailable, outcome.Refusal);
    }

    [Theory]
    [InlineData("QUINN", null)]
    [InlineData("quinn", null)]
    [InlineData("stranger", "quinn.q@example.com")]
    [InlineData("stranger", "QUINN.Q@EXAMPLE.COM")]
    public async Task Guard_OtherCaseOfAnUnmigratedOldName_Refused(string username, string? email)
    {
        var pool = Pool();

        var verdict = await new SignUpGuard(pool, pool, failOpen: false, foldIndex: FullIndex(pool)).JudgeAsync(SignUp(username, email), CancellationToken.None);

        Assert.Equal(SignUpVerdict.RefusedNameOwnedByOldUser, verdict);
    }

    [Fact]
    public async Task Guard_OwnerOfTheFoldedNameMigrated_Allowed()
    {
        var pool = Pool();
        pool.NewPoolUsernames.Add("Quinn");

        var verdict = await new SignUpGuard(pool, pool, failOpen: false, foldIndex: FullIndex(pool)).JudgeAsync(SignUp("QUINN"), CancellationToken.None);

        Assert.Equal(SignUpVerdict.Allowed, verdict);
    }

    [Fact]
    public async Task Guard_ExactOwnerMigratedButAnotherCaseUnmigrated_Refused()
    {
        var pool = Pool();
        pool.NewPoolUsernames.Add("alice");

        var verdict = await new SignUpGuard(pool, pool, failOpen: false, foldIndex: FullIndex(pool)).JudgeAsync(SignUp("alice"), CancellationToken.None);

        Assert.Equal(SignUpVerdict.RefusedNameOwnedByOldUser, verdict);
    }

    [Fact]
    public async Task Guard_IndexOutOfReachFailClosed_RefusedAsUnavailable()
    {
        var pool = Pool();
        var index = FullIndex(pool);
        index.Failure = new UserDirectoryUnavailableException("fold index timeout");

        var verdict = await new SignUpGuard(pool, pool, failOpen: false, foldIndex: index).JudgeAsync(SignUp("newcomer"), CancellationToken.None);

        Assert.Equal(SignUpVerdict.RefusedOldPoolUnavailable, verdict);
    }

    [Fact]
    public async Task Guard_IndexRefusesTheRead_RefusedAsLookupRejected()
    {
        var pool = Pool();
        var index = FullIndex(pool);
        index.Failure = new UserDirectoryUnavailableException("fold index ResourceNotFoundException", transient: false);

        var verdict = await new SignUpGuard(pool, pool, failOpen: true, foldIndex: index).JudgeAsync(SignUp("newcomer"), CancellationToken.None);

        Assert.Equal(SignUpVerdict.RefusedLookupRejected, verdict);
    }

    [Fact]
    public void FoldedNames_UsernameEmailAndPreferredUsername_EachFoldedOncePhoneLeftOut()
    {
        var names = FoldedNames.Of("Quinn", new Dictionary<string, string>
        {
            ["email"] = "Quinn.Q@Example.com",
            ["preferred_username"] = "QQ",
            ["phone_number"] = "+15555550100",
        }).ToList();

        Assert.Equal(
            [("quinn", new FoldedNameOwner("Quinn", "username")), ("quinn.q@example.com", new FoldedNameOwner("Quinn", "email")), ("qq", new FoldedNameOwner("Quinn", "preferred_username"))],
            names);
    }

    [Fact]
    public void IsConflict_OneUserOwningTheNameTwice_NoConflict() =>
        Assert.False(FoldedNames.IsConflict([new FoldedNameOwner("Quinn", "username"), new FoldedNameOwner("Quinn", "preferred_username")]));

    [Fact]
    public void IsConflict_TwoUsers_Conflict() =>
        Assert.True(FoldedNames.IsConflict([new FoldedNameOwner("Sky", "username"), new FoldedNameOwner("Rory", "preferred_username")]));

    /// <summary>The index a build from these users would hold, with a count of look-ups and an optional failure.</summary>
    private sealed class FoldIndex(IEnumerable<OldUser> users) : IFoldedNameIndex
    {
        private readonly ILookup<string, FoldedNameOwner> _owners = users
            .SelectMany(user => FoldedNames.Of(user.Username, user.Attributes))
            .ToLookup(entry => entry.Folded, entry => entry.Owner, StringComparer.Ordinal);

        public int Lookups { get; private set; }

        public Exception? Failure { get; set; }

        public Task<IReadOnlyList<FoldedNameOwner>> FindOwnersAsync(string foldedName, CancellationToken cancellationToken)
        {
            Lookups++;
            return Failure is { } failure ? Task.FromException<IReadOnlyList<FoldedNameOwner>>(failure) : Task.FromResult<IReadOnlyList<FoldedNameOwner>>([.. _owners[foldedName]]);
        }
    }
}
