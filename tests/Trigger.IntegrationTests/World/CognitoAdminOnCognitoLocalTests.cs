using Trigger.Testing;

namespace Trigger.IntegrationTests.World;

[Slow]
[Collection(CognitoLocalCollection.Name)]
public sealed class CognitoAdminOnCognitoLocalTests(CognitoLocalFixture fixture) : CognitoAdminContract
{
    protected override CognitoAdmin Admin => fixture.Admin;
}
