using Trigger.Testing;

namespace Trigger.IntegrationTests.World;

/// <summary>One cognito-local per test collection (see <see cref="CognitoLocalCollection"/>), with an admin client.</summary>
public sealed class CognitoLocalFixture : IAsyncLifetime
{
    private CognitoLocalServer? _server;
    private CognitoAdmin? _admin;

    public CognitoLocalServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public CognitoAdmin Admin => _admin ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _server = await CognitoLocalServer.StartAsync();
        _admin = new CognitoAdmin(_server.Endpoint);
    }

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
