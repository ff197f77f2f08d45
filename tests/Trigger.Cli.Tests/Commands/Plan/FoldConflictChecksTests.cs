using Trigger.Aws.Cognito;
using Trigger.Cli.Commands.Plan;

namespace Trigger.Cli.Tests.Commands.Plan;

/// <summary>plan's list of fold conflicts: every name two or more old users own once folded, by name, before the window opens.</summary>
public sealed class FoldConflictChecksTests
{
    [Fact]
    public void Run_CaseSensitiveIntoInsensitiveWithConflicts_OneBlockingFindingListingEveryConflict()
    {
        var sample = new UserSample(5, [User("Alice"), User("alice"), User("Sky"), User("Rory", ("preferred_username", "SKY")), User("Quinn", ("email", "Quinn@Example.com"))]);

        var finding = Assert.Single(FoldConflictChecks.Run(Input(oldCaseSensitive: true, newCaseSensitive: false, sample)));

        Assert.Equal("fold-conflict", finding.Code);
        Assert.Equal(Severity.Blocking, finding.Severity);
        Assert.Contains("2 name(s) of the 5 old users", finding.Message, StringComparison.Ordinal);
        Assert.Contains("alice: Alice, alice", finding.Message, StringComparison.Ordinal);
        Assert.Contains("sky: Sky, Rory (preferred_username)", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("quinn", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OneUsersUsernameAndEmailFoldTogether_NoConflict() =>
        Assert.Empty(FoldConflictChecks.Run(Input(true, false, new UserSample(1, [User("Quinn@Example.com", ("email", "quinn@example.com"))]))));

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public void Run_NotCaseSensitiveIntoInsensitive_NoFinding(bool oldCaseSensitive, bool newCaseSensitive) =>
        Assert.Empty(FoldConflictChecks.Run(Input(oldCaseSensitive, newCaseSensitive, new UserSample(2, [User("Alice"), User("alice")]))));

    [Fact]
    public void Run_NoScanNorSnapshot_NoFinding() =>
        Assert.Empty(FoldConflictChecks.Run(Input(true, false, sample: null)));

    private static PlanInput Input(bool oldCaseSensitive, bool newCaseSensitive, UserSample? sample) => new()
    {
        OldPool = new UserPoolType { UsernameConfiguration = new UsernameConfigurationType { CaseSensitive = oldCaseSensitive } },
        NewPool = new UserPoolType { AliasAttributes = ["email", "preferred_username"], UsernameConfiguration = new UsernameConfigurationType { CaseSensitive = newCaseSensitive } },
        OldClients = [],
        NewClients = [],
        Sample = sample,
    };

    private static UserType User(string username, params (string Name, string Value)[] attributes) => new()
    {
        Username = username,
        Attributes = [.. attributes.Select(a => new AttributeType { Name = a.Name, Value = a.Value })],
    };
}
