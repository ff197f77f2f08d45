using Trigger.Testing;

namespace Trigger.Infra.Tests;

/// <summary>The [Slow] trait is not forgotten: `dotnet test --filter "Speed!=Slow"` must leave out every slow test.</summary>
public sealed class SlowTraitTests
{
    [Fact]
    public void TestClasses_UsingASlowFixture_AreMarkedSlow()
    {
        Assert.Empty(SlowTests.Unmarked(typeof(SlowTraitTests).Assembly));
    }
}
