using Trigger.Aws.PoolAdapters;
using Trigger.IntegrationTests.World;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Aws;

/// <summary>
/// <see cref="CognitoNewUserDirectory"/> against FakeCognito, whose AdminGetUser answers to aliases as Cognito's does
/// (API reference: the Username parameter "can be any of their alias attributes").
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

        Assert.False(await directory.ExistsAsync(setup.PoolId, "bob", CancellationToken.None));
        Assert.True(await directory.ExistsAsync(setup.PoolId, "m1", CancellationToken.None));
    }
}
