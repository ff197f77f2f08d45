using Trigger.Testing;

namespace Trigger.Cli.Tests.Support;

/// <summary>A fake Cognito per test class, for what cognito-local lacks (paging, call log, region-shaped pool ids).</summary>
public sealed class FakeCognitoFixture : IAsyncLifetime
{
    private FakeCognito? _fake;
    private CognitoAdmin? _admin;

    public FakeCognito Fake => _fake ?? throw new InvalidOperationException("The fixture has not started.");

    public Uri Endpoint => Fake.Endpoint;

    public CognitoAdmin Admin => _admin ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _fake = await FakeCognito.StartAsync(new FakeCognitoOptions { Region = "eu-west-1" });
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
}
