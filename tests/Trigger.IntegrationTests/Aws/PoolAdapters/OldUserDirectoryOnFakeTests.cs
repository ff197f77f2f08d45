using Trigger.Aws.PoolAdapters;
using Trigger.IntegrationTests.Support;
using Trigger.Migration.Ports;

namespace Trigger.IntegrationTests.Aws.PoolAdapters;

/// <summary>
/// <see cref="CognitoOldUserDirectory"/>'s look-ups against FakeCognito, for what cognito-local never does:
/// ListUsers pages shorter than the Limit (even empty) that carry a PaginationToken, and 4xx answers.
/// </summary>
public sealed class OldUserDirectoryOnFakeTests : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    private CognitoOldUserDirectory DirectoryFor(FakeCognitoSetup setup) =>
        new(LocalAwsClients.Cognito(setup.Fake.Endpoint, _http, LocalAwsClients.QuickRetries()), new OldPoolTarget(setup.PoolId, "unused-client"));

    [Fact]
    public async Task FindByAttributeAsync_EmptyFirstPageWithToken_FollowsTheTokenAndFindsTheOwner()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        await setup.CreateUserAsync("bob", u => u with { Email = "bob@example.com" });
        setup.Fake.ListUsersPageSize = page => page.IsFirstPage ? 0 : 1;

        var owners = await DirectoryFor(setup).FindByAttributeAsync("email", "bob@example.com", 2, CancellationToken.None);

        Assert.Equal("bob", Assert.Single(owners).Username);
        Assert.Equal(2, setup.Fake.CallsTo("ListUsers").Count);
    }

    [Fact]
    public async Task FindByAttributeAsync_ShortPages_ReadsUntilTheLimitIsReached()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        foreach (var name in new[] { "s1", "s2", "s3" })
        {
            await setup.CreateUserAsync(name, u => u with { Email = "shared@example.com" });
        }

        setup.Fake.ListUsersPageSize = _ => 1;

        var owners = await DirectoryFor(setup).FindByAttributeAsync("email", "shared@example.com", 2, CancellationToken.None);

        Assert.Equal(["s1", "s2"], owners.Select(o => o.Username));
    }

    [Fact]
    public async Task FindByAttributeAsync_InvalidParameter_NotTransient()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        setup.Fake.Faults.RespondNext("ListUsers", 1, "InvalidParameterException", "Filter is too long");

        var error = await Assert.ThrowsAsync<UserDirectoryUnavailableException>(
            () => DirectoryFor(setup).FindByAttributeAsync("email", "x@example.com", 2, CancellationToken.None));

        Assert.False(error.Transient);
        Assert.Single(setup.Fake.CallsTo("ListUsers"));
    }

    [Fact]
    public async Task FindByAttributeAsync_ThrottledPastTheRetries_Transient()
    {
        await using var setup = await FakeCognitoSetup.StartAsync();
        setup.Fake.Faults.ThrottleNext("ListUsers", times: 10);

        var error = await Assert.ThrowsAsync<UserDirectoryUnavailableException>(
            () => DirectoryFor(setup).FindByAttributeAsync("email", "x@example.com", 2, CancellationToken.None));

        Assert.True(error.Transient);
    }
}
