using Trigger.Contract;
using Trigger.Aws.PoolAdapters;
using Trigger.IntegrationTests.Support;
using Trigger.Migration.Decisions;
using Trigger.Migration.Ports;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Aws.PoolAdapters;

/// <summary>
/// <see cref="CognitoNewUserDirectory"/> and <see cref="CognitoNewPoolProfiles"/> against FakeCognito, whose
/// AdminGetUser answers to aliases as Cognito's does (API reference: the Username parameter "can be any of their
/// alias attributes") and whose pools have a case rule.
/// </summary>
public sealed class NewUserDirectoryOnFakeTests : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task ExistsAsync_NameIsAnotherUsersPreferredUsername_False()
    {
        // A stranger m1 holding preferred_username=bob must not make the guard believe the old user bob migrated.
        await using var setup = await FakeCognitoSetup.StartAsync(pool: new PoolSpec("new") { AliasAttributes = ["preferred_username"] });
        await setup.CreateUserAsync("m1", u => u with { PreferredUsername = "bob" });
        var directory = new CognitoNewUserDirectory(LocalAwsClients.Cognito(setup.Fake.Endpoint, _http, LocalAwsClients.QuickRetries()));

        Assert.False(await directory.ExistsAsync(setup.PoolId, "bob", NameRule.CaseSensitive, CancellationToken.None));
        Assert.True(await directory.ExistsAsync(setup.PoolId, "m1", NameRule.CaseSensitive, CancellationToken.None));
    }

    // The attack: in a case-sensitive new pool a stranger signs up as "quinn" and gives themself the alias
    // "Quinn". AdminGetUser("Quinn") answers with "quinn"; ignoring case would call the unmigrated old Quinn
    // migrated, and the guard would then let Quinn's other names go to whoever claims them.
    [Fact]
    public async Task ExistsAsync_CaseSensitivePoolAnswersWithAnotherCase_False()
    {
        await using var setup = await FakeCognitoSetup.StartAsync(pool: new PoolSpec("new") { AliasAttributes = ["preferred_username"], UsernameCaseSensitive = true });
        await setup.CreateUserAsync("quinn", u => u with { PreferredUsername = "Quinn" });
        var directory = new CognitoNewUserDirectory(LocalAwsClients.Cognito(setup.Fake.Endpoint, _http, LocalAwsClients.QuickRetries()));

        Assert.False(await directory.ExistsAsync(setup.PoolId, "Quinn", NameRule.CaseSensitive, CancellationToken.None));
    }

    [Fact]
    public async Task ExistsAsync_CaseInsensitivePoolHoldsTheUserInAnotherCase_True()
    {
        await using var setup = await FakeCognitoSetup.StartAsync(pool: new PoolSpec("new") { UsernameCaseSensitive = false });
        await setup.CreateUserAsync("quinn");
        var directory = new CognitoNewUserDirectory(LocalAwsClients.Cognito(setup.Fake.Endpoint, _http, LocalAwsClients.QuickRetries()));

        Assert.True(await directory.ExistsAsync(setup.PoolId, "Quinn", NameRule.CaseInsensitive, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_Pool_LearnsCaseRuleCustomAttributesSignInNamesAndPolicy()
    {
        await using var setup = await FakeCognitoSetup.StartAsync(pool: new PoolSpec("new")
        {
            UsernameCaseSensitive = false,
            AliasAttributes = ["preferred_username", "email"],
            Schema = [new SchemaAttributeSpec("tenant")],
            PasswordPolicy = new PasswordPolicySpec { MinimumLength = 12, RequireSymbols = false },
        });
        var profiles = new CognitoNewPoolProfiles(LocalAwsClients.Cognito(setup.Fake.Endpoint, _http, LocalAwsClients.QuickRetries()));

        var profile = await profiles.GetAsync(setup.PoolId, CancellationToken.None);

        Assert.False(profile.Names.IsCaseSensitive);
        Assert.Equal(["custom:tenant"], profile.CustomAttributes);
        Assert.Equal(["email", "preferred_username"], profile.SignInAttributes);
        Assert.Equal(new PasswordPolicy(12, true, true, true, false), profile.PasswordPolicy);
    }

    [Fact]
    public async Task GetAsync_SecondCall_ReadsThePoolOnceAndAFailedReadIsNotKept()
    {
        await using var setup = await FakeCognitoSetup.StartAsync(pool: new PoolSpec("new"));
        var profiles = new CognitoNewPoolProfiles(LocalAwsClients.Cognito(setup.Fake.Endpoint, _http, LocalAwsClients.QuickRetries()));
        setup.Fake.Faults.RespondNext("DescribeUserPool", 1, "NotAuthorizedException", "not allowed");
        setup.Fake.ClearCalls();

        var failure = await Assert.ThrowsAsync<UserDirectoryUnavailableException>(() => profiles.GetAsync(setup.PoolId, CancellationToken.None).AsTask());
        var first = await profiles.GetAsync(setup.PoolId, CancellationToken.None);
        var second = await profiles.GetAsync(setup.PoolId, CancellationToken.None);

        Assert.False(failure.Transient);
        Assert.Same(first, second);
        Assert.True(first.Names.IsCaseSensitive);
        Assert.Equal(2, setup.Fake.CallsTo("DescribeUserPool").Count);
    }
}
