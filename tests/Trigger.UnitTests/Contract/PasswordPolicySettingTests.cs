using Trigger.Contract;

namespace Trigger.UnitTests.Contract;

/// <summary>The one password-policy type's setting format: what the CDK app and plan write, the function reads back.</summary>
public sealed class PasswordPolicySettingTests
{
    public static TheoryData<int, bool, bool, bool, bool> Policies()
    {
        var data = new TheoryData<int, bool, bool, bool, bool>();
        foreach (var length in new[] { PasswordPolicy.ShortestMinimumLength, 8, PasswordPolicy.LongestMinimumLength })
        {
            for (var classes = 0; classes < 16; classes++)
            {
                data.Add(length, (classes & 1) != 0, (classes & 2) != 0, (classes & 4) != 0, (classes & 8) != 0);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void TryParse_WhatToSettingWrote_GivesTheSamePolicy(int length, bool lowercase, bool uppercase, bool numbers, bool symbols)
    {
        var policy = new PasswordPolicy(length, lowercase, uppercase, numbers, symbols);

        Assert.True(PasswordPolicy.TryParse(policy.ToSetting(), out var read, out _));
        Assert.Equal(policy, read);
    }

    [Theory]
    [InlineData(8, true, true, true, true, "min=8,lowercase,uppercase,numbers,symbols")]
    [InlineData(6, false, false, false, false, "min=6")]
    [InlineData(99, false, true, false, true, "min=99,uppercase,symbols")]
    [InlineData(10, true, false, true, false, "min=10,lowercase,numbers")]
    public void ToSetting_Policy_ListsTheMinimumAndOnlyTheRequiredClasses(
        int minLength, bool lowercase, bool uppercase, bool digits, bool symbols, string expected)
    {
        Assert.Equal(expected, new PasswordPolicy(minLength, lowercase, uppercase, digits, symbols).ToSetting());
    }

    [Theory]
    [InlineData("min=5,lowercase", "min=5")]
    [InlineData("min=8,digits", "digits")]
    [InlineData("lowercase,uppercase", null)]
    public void TryParse_NotAPolicy_NamesThePartThatIsNone(string value, string? unknownPart)
    {
        Assert.False(PasswordPolicy.TryParse(value, out _, out var part));
        Assert.Equal(unknownPart, part);
    }
}
