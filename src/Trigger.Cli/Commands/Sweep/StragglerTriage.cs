using System.Globalization;
using Trigger.Migration.Attributes;
using Trigger.Migration.Decisions;
using Trigger.Migration.Ports;

namespace Trigger.Cli.Commands.Sweep;

/// <summary>
/// Decides, without I/O, whether an old user may be swept and with which attributes. Eligibility is the
/// trigger's own forgot-password rule (a swept user can only get in through a reset code, so it needs a
/// verified contact and a state the trigger would migrate); the attributes come from the trigger's mapper.
/// A user whose attributes the new schema cannot take is reported, never created half.
/// </summary>
internal sealed class StragglerTriage(AttributeMapper mapper, NewPoolSchema schema, bool allowDroppedAttributes)
{
    public const string DroppedAttributes = "DroppedAttributes";
    public const string MissingRequiredAttribute = "MissingRequiredAttribute";
    public const string InvalidAttributeValue = "InvalidAttributeValue";

    public TriageVerdict Judge(OldUser user)
    {
        if (MigrationRules.ForForgotPassword(user) is { } refusal)
        {
            return TriageVerdict.Skip(refusal.ToString(), Explain(refusal, user));
        }

        var mapped = mapper.Map(user, includeUsername: false);
        if (mapped.Dropped.Count > 0 && !allowDroppedAttributes)
        {
            return TriageVerdict.Unmappable(
                DroppedAttributes,
                $"attributes the new pool's schema lacks: {string.Join(", ", mapped.Dropped)} (map them with --attribute-renames, or pass --allow-dropped-attributes)");
        }

        foreach (var required in schema.Required)
        {
            if (!mapped.Attributes.TryGetValue(required, out var value) || value.Length == 0)
            {
                return TriageVerdict.Unmappable(MissingRequiredAttribute, $"the new pool requires '{required}', which the old user does not have");
            }
        }

        foreach (var (name, value) in mapped.Attributes)
        {
            if (Invalid(name, value) is { } problem)
            {
                return TriageVerdict.Unmappable(InvalidAttributeValue, problem);
            }
        }

        return TriageVerdict.Eligible(mapped.Attributes, mapped.Dropped);
    }

    private string? Invalid(string name, string value)
    {
        if (value.Length == 0 || !schema.DataTypes.TryGetValue(name, out var type))
        {
            return null;
        }

        return type switch
        {
            "Boolean" when value is not ("true" or "false") => $"'{name}' must be true or false in the new pool",
            "Number" when !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) => $"'{name}' must be a number in the new pool",
            _ => null,
        };
    }

    private static string Explain(Refusal refusal, OldUser user) => refusal switch
    {
        Refusal.UserDisabled => "disabled in the old pool",
        Refusal.EnabledUnknown => "the old pool's record does not say whether the user is enabled",
        Refusal.UserNotConfirmed => "never confirmed the sign-up in the old pool",
        Refusal.NoVerifiedContact => "no verified email or phone: no reset code could reach the user",
        Refusal.UnsupportedUserStatus => $"old status {user.Status} cannot be migrated",
        _ => refusal.ToString(),
    };
}
