using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Trigger.Aws.Cognito;
using Trigger.Aws.PoolAdapters;
using Trigger.Migration.Ports;

namespace Trigger.Cli.Commands.Export;

/// <summary>Snapshot lines to and from JSON and to the shapes the rest of the product uses.</summary>
internal static class SnapshotJson
{
    // Relaxed escaping keeps '+' in phone numbers and non-ASCII names readable in a backup file;
    // the file is data, never embedded in HTML.
    public static ExportJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The line's JSON and a line feed.</summary>
    public static byte[] ToLine(SnapshotLine line)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(line, Context.SnapshotLine);
        var bytes = new byte[json.Length + 1];
        json.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    /// <summary>A user line from a ListUsers entry, with the AdminGetUser MFA details when read and the user's groups when recorded.</summary>
    public static SnapshotLine FromUser(UserType user, AdminGetUserResponse? details, IReadOnlyList<string>? groups = null)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in user.Attributes ?? [])
        {
            if (attribute.Value is not null)
            {
                attributes[attribute.Name] = attribute.Value;
            }
        }

        return new SnapshotLine
        {
            Kind = SnapshotLine.UserKind,
            Username = user.Username,
            Attributes = attributes,
            Status = user.UserStatus,
            Enabled = user.Enabled,
            Created = user.UserCreateDate,
            Modified = user.UserLastModifiedDate,
            MfaOptions = user.MFAOptions is { Count: > 0 } options ? [.. options.Select(o => new SnapshotMfaOption(o.DeliveryMedium, o.AttributeName))] : null,
            PreferredMfa = details?.PreferredMfaSetting,
            MfaSettings = details?.UserMFASettingList is { Count: > 0 } settings ? [.. settings] : null,
            Groups = groups is { Count: > 0 } ? [.. groups] : null,
        };
    }

    /// <summary>The old user a snapshot line describes, built by the same mapping the trigger uses.</summary>
    public static OldUser ToOldUser(SnapshotLine line)
    {
        var attributes = line.Attributes?.Select(a => new AttributeType { Name = a.Key, Value = a.Value }).ToList();
        var mfaOptions = line.MfaOptions?.Select(o => new MFAOptionType { DeliveryMedium = o.DeliveryMedium, AttributeName = o.AttributeName }).ToList();
        if (line.MfaSettings is not null || line.PreferredMfa is not null)
        {
            return CognitoUsers.ToOldUser(new AdminGetUserResponse
            {
                Username = line.Username,
                UserAttributes = attributes,
                UserStatus = line.Status,
                Enabled = line.Enabled,
                MFAOptions = mfaOptions,
                PreferredMfaSetting = line.PreferredMfa,
                UserMFASettingList = line.MfaSettings,
            });
        }

        return CognitoUsers.ToOldUser(new UserType
        {
            Username = line.Username,
            Attributes = attributes,
            UserStatus = line.Status,
            Enabled = line.Enabled,
            MFAOptions = mfaOptions,
        });
    }
}
