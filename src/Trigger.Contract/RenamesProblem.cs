namespace Trigger.Contract;

/// <summary>What <see cref="SettingValues.ParseRenames"/> found wrong, if anything.</summary>
public enum RenamesProblem
{
    /// <summary>Every pair is good.</summary>
    None,

    /// <summary>A pair is not <c>old=new</c>, or names an old attribute twice.</summary>
    NotPairs,

    /// <summary>A pair renames to a name Cognito reserves.</summary>
    ReservedTarget,

    /// <summary>The pairs parse but break a rule of <see cref="RenameRules"/>; the culprit is the reason, naming the pair.</summary>
    Forbidden,
}
