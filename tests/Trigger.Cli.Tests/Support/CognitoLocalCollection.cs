using Trigger.Testing;

namespace Trigger.Cli.Tests.Support;

/// <summary>Test classes that share the one cognito-local.</summary>
[CollectionDefinition(Name)]
public sealed class CognitoLocalCollection : ICollectionFixture<CognitoLocalFixture>
{
    public const string Name = "cli-cognito-local";
}
