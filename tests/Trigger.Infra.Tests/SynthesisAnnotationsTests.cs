using Amazon.CDK.Assertions;
using Trigger.Testing;

namespace Trigger.Infra.Tests;

[Slow]
[Collection(SynthesizedAppCollection.Name)]
public sealed class SynthesisAnnotationsTests(SynthesizedApp app)
{
    public static TheoryData<string> StackNames => new(TestMigrations.StackNames);

    [Theory]
    [MemberData(nameof(StackNames))]
    public void Synthesis_EveryStack_HasNoErrorOrWarning(string stackName)
    {
        var annotations = Annotations.FromStack(app.Stacks.Single(s => s.StackName == stackName));

        Assert.Empty(annotations.FindError("*", Match.AnyValue()).Select(m => $"{m.Id}: {m.Entry.Data}"));
        Assert.Empty(annotations.FindWarning("*", Match.AnyValue()).Select(m => $"{m.Id}: {m.Entry.Data}"));
    }

    [Fact]
    public void Synthesis_TestApp_HasEveryExpectedStack()
    {
        Assert.Equal(TestMigrations.StackNames.Order(StringComparer.Ordinal), app.Stacks.Select(s => s.StackName).Order(StringComparer.Ordinal));
    }
}
