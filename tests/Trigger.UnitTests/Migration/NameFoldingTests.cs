using Trigger.Migration.Decisions;

namespace Trigger.UnitTests.Migration;

/// <summary>
/// The one folding of names. Cognito's documentation says only that a case-insensitive pool accepts "any
/// combination of capital and lowercase letters" and outputs names in lowercase; it names no Unicode folding.
/// The product folds with the invariant simple lowercase mapping (one character to one character, no culture,
/// no full case folding); these tests pin what that does to the letters a user might type, so a change is seen.
/// </summary>
public sealed class NameFoldingTests
{
    [Theory]
    [InlineData("Quinn", "quinn")]
    [InlineData("QUINN", "quinn")]
    [InlineData("quinn", "quinn")]
    [InlineData("Quinn.Q@Example.COM", "quinn.q@example.com")]
    [InlineData("User_01-Z+9", "user_01-z+9")]
    public void Fold_AsciiLetters_Lowercased(string name, string folded) => Assert.Equal(folded, NameFolding.Fold(name));

    [Theory]
    [InlineData("+15555550100")]
    [InlineData("1234")]
    [InlineData("a.b_c-d@e.f")]
    public void Fold_NoUppercaseLetter_Unchanged(string name) => Assert.Equal(name, NameFolding.Fold(name));

    [Theory]
    [InlineData("ÄÖÜ", "äöü")]
    [InlineData("Élodie", "élodie")]
    [InlineData("ΣΟΦΊΑ", "σοφία")] // no final-sigma rule: every capital sigma becomes σ
    [InlineData("ДМИТРИЙ", "дмитрий")]
    [InlineData("ẞ", "ß")] // capital sharp s maps to ß, one character
    public void Fold_NonAsciiLetters_SimpleLowercaseMapping(string name, string folded) => Assert.Equal(folded, NameFolding.Fold(name));

    [Fact]
    public void Fold_SharpS_NotExpandedToSs() => Assert.Equal("straße", NameFolding.Fold("Straße"));

    // .NET's invariant casing leaves U+0130 (İ) and U+0131 (ı) alone: their only mappings are Turkic. A pool
    // holding both İ... and i... names would not see them as a conflict here; docs/CASE-RULES.md says so.
    [Fact]
    public void Fold_TurkicDottedCapitalI_LeftUnchangedWithoutCulture() => Assert.Equal("\u0130stanbul", NameFolding.Fold("\u0130STANBUL"));

    [Fact]
    public void Fold_Null_Throws() => Assert.Throws<ArgumentNullException>(() => NameFolding.Fold(null!));
}
