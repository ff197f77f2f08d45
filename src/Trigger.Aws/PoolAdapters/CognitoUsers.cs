using Trigger.Aws.Cognito;
using Trigger.Migration.Ports;

namespace Trigger.Aws.PoolAdapters;

/// <summary>Maps Cognito's user shapes onto the domain's <see cref="OldUser"/>.</summary>
public static class CognitoUsers
{
    /// <summary>From an AdminGetUser answer, with the full MFA settings.</summary>
    public static OldUser ToOldUser(AdminGetUserResponse user)
    {
        var mfa = new List<string>(user.UserMFASettingList ?? []);
        AddLegacySms(mfa, user.MFAOptions);
        return new OldUser(user.Username!, Attributes(user.UserAttributes), user.UserStatus ?? "UNKNOWN", user.Enabled, mfa);
    }

    /// <summary>From a ListUsers entry, which carries only the legacy MFA options.</summary>
    public static OldUser ToOldUser(UserType user)
    {
        var mfa = new List<string>();
        AddLegacySms(mfa, user.MFAOptions);
        return new OldUser(user.Username!, Attributes(user.Attributes), user.UserStatus ?? "UNKNOWN", user.Enabled, mfa);
    }

    private static Dictionary<string, string> Attributes(IReadOnlyList<AttributeType>? attributes)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in attributes ?? [])
        {
            if (attribute.Value is not null)
            {
                map[attribute.Name] = attribute.Value;
            }
        }

        return map;
    }

    private static void AddLegacySms(List<string> mfa, IReadOnlyList<MFAOptionType>? options)
    {
        if (options?.Any(o => o.DeliveryMedium == "SMS") == true && !mfa.Contains("SMS_MFA"))
        {
            mfa.Add("SMS_MFA");
        }
    }
}
