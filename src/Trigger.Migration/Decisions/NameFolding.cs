namespace Trigger.Migration.Decisions;

/// <summary>
/// How a case-insensitive pool flattens a name before it compares or outputs it. One definition, used by
/// the trigger, the guard, the ops tool and the fold index, so that all of them fold the same way.
/// </summary>
public static class NameFolding
{
    /// <summary><paramref name="name"/> folded to lowercase, independently of any culture.</summary>
    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant();
    }
}
