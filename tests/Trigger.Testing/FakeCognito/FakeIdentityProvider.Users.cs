using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>Admin user operations.</summary>
internal sealed partial class FakeIdentityProvider
{
    // Alias attributes and the flag that must be "true" for the value to act as an alias ("" = none).
    private static readonly (string Attribute, string VerifiedFlag)[] _aliasVerification =
        [("email", "email_verified"), ("phone_number", "phone_number_verified"), ("preferred_username", "")];

    private JsonObject AdminCreateUser(JsonObject request)
    {
        var pool = Pool(request);
        var typed = RequestFields.Required(request, "Username");
        var attributes = RequestFields.Attributes(request, "UserAttributes");
        attributes.Remove("sub");
        var action = RequestFields.Optional(request, "MessageAction");
        if (action is not null and not ("SUPPRESS" or "RESEND"))
        {
            throw CognitoFault.InvalidParameter($"Invalid MessageAction: {action}");
        }

        var temporary = RequestFields.Optional(request, "TemporaryPassword");
        if (temporary is not null && pool.PasswordProblem(temporary) is { } weak)
        {
            throw new CognitoFault("InvalidPasswordException", weak);
        }

        if (action == "RESEND")
        {
            var existing = pool.RequireUser(typed);
            existing.Password = temporary ?? GeneratedTemporaryPassword();
            existing.ModifiedAt = Now();
            return new JsonObject { ["User"] = existing.ToListEntry([]) };
        }

        var username = typed;
        if (pool.UsernameAttributes.Count > 0)
        {
            // With UsernameAttributes the typed email/phone becomes an attribute and the username a UUID.
            var attribute = typed.Contains('@', StringComparison.Ordinal) && pool.UsernameAttributes.Contains("email") ? "email"
                : typed.StartsWith('+') && pool.UsernameAttributes.Contains("phone_number") ? "phone_number"
                : throw CognitoFault.InvalidParameter("Username should be either an email or a phone number.");
            if (pool.FindBySignInName(typed) is not null)
            {
                throw new CognitoFault("UsernameExistsException", $"An account with the given {attribute} already exists.");
            }

            attributes.TryAdd(attribute, typed);
            username = Guid.NewGuid().ToString();
        }
        else if (pool.Exists(typed))
        {
            throw new CognitoFault("UsernameExistsException", "User account already exists");
        }

        if (pool.SchemaProblem(attributes, requireRequired: true) is { } schemaProblem)
        {
            throw CognitoFault.InvalidParameter(schemaProblem);
        }

        var forceAlias = RequestFields.OptionalBool(request, "ForceAliasCreation");
        var moves = AliasConflicts(pool, attributes, forceAlias);
        foreach (var (owner, attribute, verifiedFlag) in moves)
        {
            // ForceAliasCreation moves the alias: the previous owner loses it.
            if (verifiedFlag.Length > 0)
            {
                owner.Attributes[verifiedFlag] = "false";
            }
            else
            {
                owner.Attributes.Remove(attribute);
            }
        }

        var user = pool.Add(username, Now());
        user.Password = temporary ?? GeneratedTemporaryPassword();
        user.Status = "FORCE_CHANGE_PASSWORD";
        user.Attributes["sub"] = username == typed ? Guid.NewGuid().ToString() : username;
        foreach (var (name, value) in attributes.Where(a => a.Value.Length > 0))
        {
            user.Attributes[name] = value;
        }

        return new JsonObject { ["User"] = user.ToListEntry([]) };
    }

    private static List<(FakeUser Owner, string Attribute, string VerifiedFlag)> AliasConflicts(
        FakeUserPool pool, IReadOnlyDictionary<string, string> attributes, bool forceAlias)
    {
        var moves = new List<(FakeUser, string, string)>();
        foreach (var (attribute, verifiedFlag) in _aliasVerification)
        {
            if (!pool.AliasAttributes.Contains(attribute) || !attributes.TryGetValue(attribute, out var value) || value.Length == 0)
            {
                continue;
            }

            if (verifiedFlag.Length > 0 && (!attributes.TryGetValue(verifiedFlag, out var verified) || verified != "true"))
            {
                continue;
            }

            var owner = pool.AliasOwner(attribute, value, except: null);
            if (owner is null)
            {
                continue;
            }

            if (!forceAlias)
            {
                throw new CognitoFault("AliasExistsException", $"An account with the given {attribute} already exists.");
            }

            moves.Add((owner, attribute, verifiedFlag));
        }

        return moves;
    }

    private JsonObject AdminGetUser(JsonObject request) =>
        Pool(request).RequireUser(RequestFields.Required(request, "Username")).ToAdminGetUser();

    private JsonObject AdminSetUserPassword(JsonObject request)
    {
        var pool = Pool(request);
        var user = pool.RequireUser(RequestFields.Required(request, "Username"));
        var password = RequestFields.Required(request, "Password");
        if (pool.PasswordProblem(password) is { } weak)
        {
            throw new CognitoFault("InvalidPasswordException", weak);
        }

        user.Password = password;
        user.Status = RequestFields.OptionalBool(request, "Permanent") ? "CONFIRMED" : "FORCE_CHANGE_PASSWORD";
        user.FailedSignIns = 0;
        user.ModifiedAt = Now();
        return [];
    }

    private JsonObject SetEnabled(JsonObject request, bool enabled)
    {
        var user = Pool(request).RequireUser(RequestFields.Required(request, "Username"));
        user.Enabled = enabled;
        user.ModifiedAt = Now();
        return [];
    }

    private JsonObject AdminResetUserPassword(JsonObject request)
    {
        var user = Pool(request).RequireUser(RequestFields.Required(request, "Username"));
        user.Status = "RESET_REQUIRED";
        user.ModifiedAt = Now();
        return [];
    }

    private JsonObject AdminDeleteUser(JsonObject request)
    {
        var pool = Pool(request);
        var user = pool.RequireUser(RequestFields.Required(request, "Username"));
        pool.Remove(user);
        return [];
    }

    private static string GeneratedTemporaryPassword() =>
        "Tmp-" + RandomText(LowerAlphanumeric, 12) + "Q7!";
}
