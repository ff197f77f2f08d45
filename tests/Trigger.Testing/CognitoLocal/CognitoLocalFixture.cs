using Xunit;

namespace Trigger.Testing;

/// <summary>
/// One cognito-local with an admin client for every test class of a collection; each test makes its own
/// pools. A test project declares the collection (xunit looks for collection definitions in the test
/// assembly): <c>[CollectionDefinition(Name)] class CognitoLocalCollection : ICollectionFixture&lt;CognitoLocalFixture&gt;</c>.
/// </summary>
public sealed class CognitoLocalFixture : IAsyncLifetime, ISlowFixture
{
    private CognitoLocalServer? _server;
    private CognitoAdmin? _admin;

    /// <summary>The running emulator.</summary>
    public CognitoLocalServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The emulator's endpoint.</summary>
    public Uri Endpoint => Server.Endpoint;

    /// <summary>An admin client of the emulator.</summary>
    public CognitoAdmin Admin => _admin ?? throw new InvalidOperationException("The fixture has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _server = await CognitoLocalServer.StartAsync();
        _admin = new CognitoAdmin(_server.Endpoint);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
