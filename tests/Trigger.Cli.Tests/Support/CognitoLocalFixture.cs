using Trigger.Testing;

namespace Trigger.Cli.Tests.Support;

/// <summary>One cognito-local for every test in <see cref="CognitoLocalCollection"/>; each test makes its own pools.</summary>
public sealed class CognitoLocalFixture : IAsyncLifetime
{
    private CognitoLocalServer? _server;
    private CognitoAdmin? _admin;

    public Uri Endpoint => (_server ?? throw new InvalidOperationException("The fixture has not started.")).Endpoint;

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

/// <summary>Test classes that share the one cognito-local.</summary>
[CollectionDefinition(Name)]
public sealed class CognitoLocalCollection : ICollectionFixture<CognitoLocalFixture>
{
    public const string Name = "cli-cognito-local";
}
