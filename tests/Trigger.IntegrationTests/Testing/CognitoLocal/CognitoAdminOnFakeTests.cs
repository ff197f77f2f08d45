using Trigger.Testing;

namespace Trigger.IntegrationTests.Testing.CognitoLocal;

public sealed class CognitoAdminOnFakeTests : CognitoAdminContract, IAsyncLifetime
{
    // Qualified: in this namespace the bare name is the sibling test folder Testing/FakeCognito.
    private Trigger.Testing.FakeCognito? _fake;
    private CognitoAdmin? _admin;

    protected override CognitoAdmin Admin => _admin!;

    public async Task InitializeAsync()
    {
        _fake = await Trigger.Testing.FakeCognito.StartAsync();
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
