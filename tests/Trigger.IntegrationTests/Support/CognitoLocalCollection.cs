using Trigger.Testing;

namespace Trigger.IntegrationTests.Support;

/// <summary>Test classes in this collection share one cognito-local, started once.</summary>
[CollectionDefinition(Name)]
public sealed class CognitoLocalCollection : ICollectionFixture<CognitoLocalFixture>
{
    public const string Name = "cognito-local";
}
