using Trigger.Migration.Decisions;

namespace Trigger.UnitTests.Migration;

/// <summary>The comparison helper every name check uses: a pool's case rule.</summary>
public sealed class NameRuleTests
{
    [Fact]
    public void Same_CaseSensitive_OnlyIdenticalNames()
    {
        Assert.True(NameRule.CaseSensitive.Same("Quinn", "Quinn"));
        Assert.False(NameRule.CaseSensitive.Same("Quinn", "quinn"));
        Assert.False(NameRule.CaseSensitive.Same("Quinn.Q@Example.com", "quinn.q@example.com"));
    }

    [Fact]
    public void Same_CaseInsensitive_FoldsAsciiAndNonAsciiLettersToLowercase()
    {
        Assert.True(NameRule.CaseInsensitive.Same("Quinn", "QUINN"));
        Assert.True(NameRule.CaseInsensitive.Same("Quinn.Q@Example.com", "quinn.q@example.com"));
        Assert.True(NameRule.CaseInsensitive.Same("ÉMILE", "émile"));
        Assert.True(NameRule.CaseInsensitive.Same("ΣΟΦΙΑ", "σοφια"));
        // Lower-casing, not upper-casing: KELVIN SIGN lowers to k, while the dotless ı stays itself.
        Assert.True(NameRule.CaseInsensitive.Same("\u212Aim", "kim"));
        Assert.False(NameRule.CaseInsensitive.Same("bıll", "bill"));
    }

    [Fact]
    public void Same_EitherNameNull_False()
    {
        Assert.False(NameRule.CaseInsensitive.Same(null, "quinn"));
        Assert.False(NameRule.CaseSensitive.Same("quinn", null));
    }

    [Fact]
    public void For_AbsentSetting_IsCaseSensitiveTheApiDefault()
    {
        Assert.Same(NameRule.CaseSensitive, NameRule.For(null));
        Assert.Same(NameRule.CaseSensitive, NameRule.For(true));
        Assert.Same(NameRule.CaseInsensitive, NameRule.For(false));
    }

    [Fact]
    public void Key_CaseInsensitive_IsTheFoldedName() =>
        Assert.Equal(NameFolding.Fold("Quinn"), NameRule.CaseInsensitive.Key("Quinn"));

    [Fact]
    public void AsComparer_CaseInsensitiveSet_HoldsOneEntryPerFoldedName()
    {
        var names = new HashSet<string>(NameRule.CaseInsensitive) { "Quinn", "QUINN", "quinn", "\u212Aim", "kim" };
        var exact = new HashSet<string>(NameRule.CaseSensitive) { "Quinn", "QUINN", "quinn" };

        Assert.Equal(2, names.Count);
        Assert.Equal(3, exact.Count);
    }
}
