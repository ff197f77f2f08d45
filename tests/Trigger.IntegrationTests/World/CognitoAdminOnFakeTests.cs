using Trigger.Testing;

namespace Trigger.IntegrationTests.World;

public sealed class CognitoAdminOnFakeTests : CognitoAdminContract, IAsyncLifetime
{
    private FakeCognito? _fake;
    private CognitoAdmin? _admin;

    protected override CognitoAdmin Admin => _admin!;

    public async Task InitializeAsync()
    {
        _fake = await FakeCognito.StartAsync();
        _admin = new CognitoAdmin(_fake.Endpoint);
    }

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }
    }

    [Fact]
    public async Task CreateUserAsync_ResetRequired_ReadsBackResetRequired()
    {
        var pool = await NewPoolAsync();

        await Admin.CreateUserAsync(pool, new UserSpec("reset", Password) { Status = SeededUserStatus.ResetRequired });

        var read = await Admin.GetUserAsync(pool, "reset");
        Assert.Equal("RESET_REQUIRED", read.UserStatus);
    }
}
