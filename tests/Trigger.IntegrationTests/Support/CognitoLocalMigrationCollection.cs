namespace Trigger.IntegrationTests.Support;

/// <summary>Tests sharing one old pool, one new pool and one running bootstrap.</summary>
[CollectionDefinition(Name)]
public sealed class CognitoLocalMigrationCollection : ICollectionFixture<CognitoLocalMigrationFixture>
{
    public const string Name = "migration on cognito-local";
}
