using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>AdminUpdateUserAttributes, as the sync of a standby pool calls it.</summary>
internal sealed partial class FakeIdentityProvider
{
    // Cognito marks a changed email or phone number unverified unless the same call sets its flag to true
    // (API reference, AdminUpdateUserAttributes; UserAttributeUpdateSettingsType). sub cannot be written.
    private JsonObject AdminUpdateUserAttributes(JsonObject request)
    {
        var pool = Pool(request);
        var user = pool.RequireUser(RequestFields.Required(request, "Username"));
        var attributes = RequestFields.Attributes(request, "UserAttributes");
        if (attributes.ContainsKey("sub"))
        {
            throw CognitoFault.InvalidParameter("Cannot modify an immutable attribute: sub");
        }

        if (pool.SchemaProblem(attributes, requireRequired: false) is { } schemaProblem)
        {
            throw CognitoFault.InvalidParameter(schemaProblem);
        }

        foreach (var (attribute, flag) in new[] { ("email", "email_verified"), ("phone_number", "phone_number_verified") })
        {
            if (attributes.TryGetValue(attribute, out var value) && value != user.Attribute(attribute) && !attributes.ContainsKey(flag))
            {
                attributes[flag] = "false";
            }
        }

        foreach (var (name, value) in attributes)
        {
            user.Attributes[name] = value;
        }

        user.ModifiedAt = Now();
        return [];
    }

    /// <summary>Adds CONFIRMED, enabled users straight into a pool (a benchmark's million users, without a million calls).</summary>
    public void SeedUsers(string userPoolId, IEnumerable<(string Username, IReadOnlyDictionary<string, string> Attributes)> users)
    {
        lock (_gate)
        {
            var pool = Pool(userPoolId);
            foreach (var (username, attributes) in users)
            {
                var user = pool.Add(username, Now());
                user.Status = "CONFIRMED";
                user.Attributes["sub"] = Guid.NewGuid().ToString();
                foreach (var (name, value) in attributes)
                {
                    user.Attributes[name] = value;
                }
            }
        }
    }
}
