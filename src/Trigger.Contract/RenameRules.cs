namespace Trigger.Contract;

/// <summary>
/// What a rename (old attribute name to new) may not do, the same for the function, the sweep and plan:
/// target a name Cognito owns; target <c>email_verified</c> or <c>phone_number_verified</c> (a copied value
/// would mark a contact verified that nobody proved, and reset codes would go to it); or target a name
/// another rename also writes or moves away (which value lands there would depend on the order).
/// </summary>
public static class RenameRules
{
    private static readonly HashSet<string> _verificationFlags = new(StringComparer.Ordinal) { "email_verified", "phone_number_verified" };

    /// <summary>Why <paramref name="renames"/> cannot be used, naming the pair; null when every rename is allowed.</summary>
    public static string? Problem(IReadOnlyDictionary<string, string> renames)
    {
        ArgumentNullException.ThrowIfNull(renames);
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (oldName, newName) in renames)
        {
            if (SettingValues.IsReservedAttribute(newName))
            {
                return $"cannot rename to the reserved attribute '{newName}'";
            }

            if (_verificationFlags.Contains(newName) || _verificationFlags.Contains(oldName))
            {
                return $"cannot rename to or from '{(_verificationFlags.Contains(newName) ? newName : oldName)}': only the old pool's own verification flag may say a contact is verified";
            }

            if (renames.ContainsKey(newName) && newName != oldName)
            {
                return $"'{oldName}={newName}' targets '{newName}', which is itself renamed";
            }

            if (!targets.TryAdd(newName, oldName))
            {
                return $"'{targets[newName]}' and '{oldName}' are both renamed to '{newName}'";
            }
        }

        return null;
    }
}
