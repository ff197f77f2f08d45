using Trigger.Testing;

namespace Trigger.IntegrationTests.Testing.CognitoLocal;

/// <summary>
/// What <see cref="CognitoAdmin"/> promises on any endpoint: users created in each state read back
/// with that state. Runs against cognito-local and against the fake (the two subclasses).
/// </summary>
public abstract class CognitoAdminContract
{
    protected const string Password = "Correct-Horse-9";

    protected abstract CognitoAdmin Admin { get; }

    protected async Task<string> NewPoolAsync()
    {
        var pool = await Admin.CreatePoolAsync(new PoolSpec("old-" + Guid.NewGuid().ToString("N")[..8])
        {
            Schema = [new SchemaAttributeSpec("legacy_id")],
        });
        return pool.Id;
    }

    [Fact]
    public async Task CreateUserAsync_Confirmed_ReadsBackConfirmedAndEnabled()
    {
        var pool = await NewPoolAsync();

        var user = await Admin.CreateUserAsync(pool, new UserSpec("ada", Password));

        var read = await Admin.GetUserAsync(pool, "ada");
        Assert.Equal("CONFIRMED", read.UserStatus);
        Assert.True(read.Enabled);
        Assert.Equal(("ada", "CONFIRMED"), (user.Username, user.UserStatus));
    }

    [Fact]
    public async Task CreateUserAsync_ForceChangePassword_ReadsBackForceChangePassword()
    {
        var pool = await NewPoolAsync();

        await Admin.CreateUserAsync(pool, new UserSpec("temp", Password) { Status = SeededUserStatus.ForceChangePassword });

        var read = await Admin.GetUserAsync(pool, "temp");
        Assert.Equal("FORCE_CHANGE_PASSWORD", read.UserStatus);
        Assert.True(read.Enabled);
    }

    [Fact]
    public async Task CreateUserAsync_Disabled_ReadsBackNotEnabled()
    {
        var pool = await NewPoolAsync();

        await Admin.CreateUserAsync(pool, new UserSpec("off", Password) { Enabled = false });

        var read = await Admin.GetUserAsync(pool, "off");
        Assert.False(read.Enabled);
        Assert.Equal("CONFIRMED", read.UserStatus);
    }

    [Fact]
    public async Task CreateUserAsync_UnverifiedEmail_ReadsBackEmailVerifiedFalse()
    {
        var pool = await NewPoolAsync();

        await Admin.CreateUserAsync(pool, new UserSpec("unverified", Password) { Email = "u@example.test", EmailVerified = false });

        var read = await Admin.GetUserAsync(pool, "unverified");
        Assert.Equal("u@example.test", read["email"]);
        Assert.Equal("false", read["email_verified"]);
    }

    [Fact]
    public async Task CreateUserAsync_WithAttributes_ReadsBackEveryAttribute()
    {
        var pool = await NewPoolAsync();
        var spec = new UserSpec("grace", Password)
        {
            Email = "grace@example.test",
            PhoneNumber = "+15555550100",
            PreferredUsername = "amazing_grace",
            Attributes = new Dictionary<string, string> { ["custom:legacy_id"] = "42", ["given_name"] = "Grace" },
        };

        await Admin.CreateUserAsync(pool, spec);

        var read = await Admin.GetUserAsync(pool, "grace");
        Assert.Equal("grace@example.test", read["email"]);
        Assert.Equal("true", read["email_verified"]);
        Assert.Equal("+15555550100", read["phone_number"]);
        Assert.Equal("true", read["phone_number_verified"]);
        Assert.Equal("amazing_grace", read["preferred_username"]);
        Assert.Equal("42", read["custom:legacy_id"]);
        Assert.Equal("Grace", read["given_name"]);
        Assert.False(string.IsNullOrEmpty(read["sub"]));
    }

    [Fact]
    public async Task CreateAppClientAsync_WithSecret_ReturnsSecretButNeverPrintsIt()
    {
        var pool = await NewPoolAsync();

        var client = await Admin.CreateAppClientAsync(pool, new AppClientSpec("trigger") { GenerateSecret = true });

        Assert.False(string.IsNullOrEmpty(client.ClientSecret));
        Assert.DoesNotContain(client.ClientSecret!, client.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminInitiateAuthAsync_ConfirmedUserRightPassword_ReturnsTokens()
    {
        var pool = await NewPoolAsync();
        var client = await Admin.CreateAppClientAsync(pool, new AppClientSpec("trigger"));
        await Admin.CreateUserAsync(pool, new UserSpec("ada", Password));

        var answer = await Admin.AdminInitiateAuthAsync(pool, client, "ada", Password);

        Assert.False(string.IsNullOrEmpty(answer["AuthenticationResult"]?["AccessToken"]?.GetValue<string>()));
    }

    [Fact]
    public async Task ListUsersAsync_ThreeUsers_ReturnsAllThree()
    {
        var pool = await NewPoolAsync();
        foreach (var name in new[] { "u1", "u2", "u3" })
        {
            await Admin.CreateUserAsync(pool, new UserSpec(name, Password));
        }

        var users = await Admin.ListUsersAsync(pool);

        Assert.Equal(["u1", "u2", "u3"], users.Select(u => u.Username).Order(StringComparer.Ordinal));
    }
}
