using Trigger.Contract;
using Trigger.Migration.Decisions;

namespace Trigger.UnitTests.Migration;

public sealed class PasswordPolicyTests
{
    private static readonly PasswordPolicy _cognitoDefault = new(8, true, true, true, true);

    [Theory]
    [InlineData("Abcdef1!", true)]
    [InlineData("Abcde1!", false)]
    [InlineData("abcdef1!", false)]
    [InlineData("ABCDEF1!", false)]
    [InlineData("Abcdefg!", false)]
    [InlineData("Abcdefg1", false)]
    [InlineData("Abc def1", true)]
    [InlineData(" Abcdef1", false)]
    public void Accepts_CognitoDefaultPolicy_MatchesEachRule(string password, bool expected) =>
        Assert.Equal(expected, _cognitoDefault.Accepts(password));

    [Fact]
    public void Accepts_LengthOnlyPolicy_IgnoresCharacterClasses() =>
        Assert.True(new PasswordPolicy(6, false, false, false, false).Accepts("aaaaaa"));
}
