using System.Text;
using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>Pool and app-client operations.</summary>
internal sealed partial class FakeIdentityProvider
{
    private JsonObject CreateUserPool(JsonObject request)
    {
        var name = RequestFields.Required(request, "PoolName");
        var aliases = RequestFields.Strings(request, "AliasAttributes");
        var usernameAttributes = RequestFields.Strings(request, "UsernameAttributes");
        if (aliases.Count > 0 && usernameAttributes.Count > 0)
        {
            throw CognitoFault.InvalidParameter("AliasAttributes and UsernameAttributes cannot both be set.");
        }

        var unknownAlias = aliases.FirstOrDefault(a => a is not ("email" or "phone_number" or "preferred_username"));
        if (unknownAlias is not null)
        {
            throw CognitoFault.InvalidParameter($"Invalid AliasAttributes value: {unknownAlias}");
        }

        var unknownUsernameAttribute = usernameAttributes.FirstOrDefault(a => a is not ("email" or "phone_number"));
        if (unknownUsernameAttribute is not null)
        {
            throw CognitoFault.InvalidParameter($"Invalid UsernameAttributes value: {unknownUsernameAttribute}");
        }

        var id = $"{_options.Region}_{RandomText(Alphanumeric, 9)}";
        var now = Now();
        var pool = new FakeUserPool
        {
            Id = id,
            Name = name,
            Arn = $"arn:aws:cognito-idp:{_options.Region}:{_options.AccountId}:userpool/{id}",
            CreatedAt = now,
            ModifiedAt = now,
            AliasAttributes = aliases,
            UsernameAttributes = usernameAttributes,
            CaseSensitive = request["UsernameConfiguration"]?["CaseSensitive"]?.GetValue<bool>() ?? true,
            Settings = MutableSettingsOf(request),
        };
        pool.Schema.AddRange(FakeUserPool.BuildSchema(request["Schema"] as JsonArray));
        _pools.Add(id, pool);
        return new JsonObject { ["UserPool"] = pool.Describe() };
    }

    private JsonObject UpdateUserPool(JsonObject request)
    {
        var pool = Pool(request);
        // Cognito resets every mutable setting the request leaves out; so does the fake.
        pool.Settings = MutableSettingsOf(request);
        pool.Name = RequestFields.Optional(request, "PoolName") ?? pool.Name;
        pool.ModifiedAt = Now();
        return [];
    }

    private JsonObject DescribeUserPool(JsonObject request) => new() { ["UserPool"] = Pool(request).Describe() };

    private static JsonObject MutableSettingsOf(JsonObject request)
    {
        var settings = new JsonObject();
        foreach (var name in FakeUserPool.MutableSettings)
        {
            if (request[name] is { } value)
            {
                settings[name] = value.DeepClone();
            }
        }

        var mfa = RequestFields.Optional(settings, "MfaConfiguration");
        if (mfa is not null and not ("OFF" or "ON" or "OPTIONAL"))
        {
            throw CognitoFault.InvalidParameter($"Invalid MfaConfiguration: {mfa}");
        }

        return settings;
    }

    private JsonObject CreateUserPoolClient(JsonObject request)
    {
        var pool = Pool(request);
        var flows = RequestFields.Strings(request, "ExplicitAuthFlows");
        var client = new FakeAppClient
        {
            ClientId = RandomText(LowerAlphanumeric, 26),
            UserPoolId = pool.Id,
            ClientName = RequestFields.Required(request, "ClientName"),
            ClientSecret = RequestFields.OptionalBool(request, "GenerateSecret") ? RandomText(LowerAlphanumeric, 51) : null,
            // Cognito's default when ExplicitAuthFlows is absent (API reference, CreateUserPoolClient).
            ExplicitAuthFlows = flows.Count > 0 ? flows : ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"],
            PreventUserExistenceErrors = RequestFields.Optional(request, "PreventUserExistenceErrors"),
            WriteAttributes = request.ContainsKey("WriteAttributes") ? RequestFields.Strings(request, "WriteAttributes") : null,
            CreatedAt = Now(),
        };
        _clients.Add(client.ClientId, client);
        return new JsonObject { ["UserPoolClient"] = client.Describe() };
    }

    private JsonObject DescribeUserPoolClient(JsonObject request) =>
        new() { ["UserPoolClient"] = Client(Pool(request), RequestFields.Required(request, "ClientId")).Describe() };

    private JsonObject ListUserPoolClients(JsonObject request)
    {
        var pool = Pool(request);
        var max = RequestFields.OptionalInt(request, "MaxResults") ?? 60;
        if (max is < 1 or > 60)
        {
            throw CognitoFault.InvalidParameter($"1 validation error detected: Value '{max}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 60");
        }

        var start = 0;
        if (RequestFields.Optional(request, "NextToken") is { } token)
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            start = int.Parse(decoded, System.Globalization.CultureInfo.InvariantCulture);
        }

        var all = _clients.Values.Where(c => c.UserPoolId == pool.Id).OrderBy(c => c.CreatedAt).ThenBy(c => c.ClientId, StringComparer.Ordinal).ToList();
        var page = all.Skip(start).Take(max).ToList();
        var answer = new JsonObject
        {
            ["UserPoolClients"] = new JsonArray(page.Select(c => (JsonNode?)new JsonObject
            {
                ["ClientId"] = c.ClientId,
                ["UserPoolId"] = c.UserPoolId,
                ["ClientName"] = c.ClientName,
            }).ToArray()),
        };
        if (start + page.Count < all.Count)
        {
            answer["NextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes((start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return answer;
    }

    private FakeAppClient Client(FakeUserPool pool, string clientId) =>
        _clients.TryGetValue(clientId, out var client) && client.UserPoolId == pool.Id ? client : throw CognitoFault.ClientNotFound(clientId);
}
