using Trigger.IntegrationTests.Support;
using Trigger.Testing;

namespace Trigger.IntegrationTests.Testing.CognitoLocal;

[Slow]
[Collection(CognitoLocalCollection.Name)]
public sealed class CognitoAdminOnCognitoLocalTests(CognitoLocalFixture fixture) : CognitoAdminContract
{
    protected override CognitoAdmin Admin => fixture.Admin;
}
