using Trigger.Testing;

namespace Trigger.IntegrationTests.Support;

/// <summary>A started <see cref="FakeCognito"/>, an admin client on it and one pool: the usual test subject.</summary>
internal sealed class FakeCognitoSetup : IAsyncDisposable
{
    public const string Password = "Correct-Horse-9";

    private FakeCognitoSetup(FakeCognito fake, CognitoAdmin admin, string poolId)
    {
        Fake = fake;
        Admin = admin;
        PoolId = poolId;
    }

    public FakeCognito Fake { get; }

    public CognitoAdmin Admin { get; }

    public string PoolId { get; }

    public static async Task<FakeCognitoSetup> StartAsync(FakeCognitoOptions? options = null, PoolSpec? pool = null)
    {
        var fake = await FakeCognito.StartAsync(options);
        var admin = new CognitoAdmin(fake.Endpoint);
        var created = await admin.CreatePoolAsync(pool ?? new PoolSpec("old") { Schema = [new SchemaAttributeSpec("legacy_id")] });
        return new FakeCognitoSetup(fake, admin, created.Id);
    }

    public Task<UserView> CreateUserAsync(string username, Func<UserSpec, UserSpec>? adjust = null)
    {
        var spec = new UserSpec(username, Password);
        return Admin.CreateUserAsync(PoolId, adjust is null ? spec : adjust(spec));
    }

    public Task<AppClientKeys> CreateClientAsync(bool withSecret = false) =>
        Admin.CreateAppClientAsync(PoolId, new AppClientSpec("trigger") { GenerateSecret = withSecret });

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Fake.DisposeAsync();
    }
}
