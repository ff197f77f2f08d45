using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>
/// Test-side administration of any JSON 1.1 Cognito endpoint (cognito-local or <see cref="FakeCognito"/>):
/// creates pools, app clients and users in a chosen state, and reads them back. Sends no SigV4
/// signature and no credentials: neither local endpoint checks them.
/// </summary>
public sealed class CognitoAdmin : IDisposable
{
    private const string TargetPrefix = "AWSCognitoIdentityProviderService.";
    private static readonly MediaTypeHeaderValue _json11 = new("application/x-amz-json-1.1");
    private static readonly HashSet<string> _standardAttributes = new(StringComparer.Ordinal)
    {
        "sub", "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile",
        "picture", "website", "email", "email_verified", "gender", "birthdate", "zoneinfo", "locale",
        "phone_number", "phone_number_verified", "address", "updated_at", "identities",
    };

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Talks to <paramref name="endpoint"/>; uses <paramref name="http"/> when given (not disposed here).</summary>
    public CognitoAdmin(Uri endpoint, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The endpoint all calls go to.</summary>
    public Uri Endpoint { get; }

    /// <summary>
    /// Sends one <c>AWSCognitoIdentityProviderService.{operation}</c> call and returns the answer.
    /// </summary>
    /// <exception cref="CognitoApiException">The endpoint answered with an error.</exception>
    public Task<JsonObject> SendAsync(string operation, JsonObject request, CancellationToken cancellationToken = default) =>
        SendTargetAsync(TargetPrefix + operation, operation, request, cancellationToken);

    /// <summary>Sends one JSON 1.1 call with an explicit <c>X-Amz-Target</c> (e.g. <c>secretsmanager.GetSecretValue</c>).</summary>
    /// <exception cref="CognitoApiException">The endpoint answered with an error.</exception>
    public async Task<JsonObject> SendTargetAsync(string target, string operation, JsonObject request, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(request.ToJsonString(), Encoding.UTF8),
        };
        message.Content.Headers.ContentType = _json11;
        message.Headers.Add("X-Amz-Target", target);
        using var response = await _http.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = string.IsNullOrWhiteSpace(body) ? null : TryParse(body);
        if (response.IsSuccessStatusCode)
        {
            return json ?? [];
        }

        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
        var rawType = json?["__type"]?.GetValue<string>() ?? json?["code"]?.GetValue<string>() ?? "Unknown";
        var serviceMessage = json?["message"]?.GetValue<string>() ?? json?["Message"]?.GetValue<string>() ?? body;
        throw new CognitoApiException(operation, response.StatusCode, SanitizeErrorType(rawType), serviceMessage, requestId);
    }

    /// <summary>CreateUserPool from <paramref name="spec"/>.</summary>
    public async Task<CreatedPool> CreatePoolAsync(PoolSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.Name, nameof(spec));
        var request = new JsonObject { ["PoolName"] = spec.Name };
        if (spec.Schema.Count > 0)
        {
            request["Schema"] = new JsonArray(spec.Schema.Select(SchemaEntry).ToArray<JsonNode?>());
        }

        if (spec.AliasAttributes is not null)
        {
            request["AliasAttributes"] = StringArray(spec.AliasAttributes);
        }

        if (spec.UsernameAttributes is not null)
        {
            request["UsernameAttributes"] = StringArray(spec.UsernameAttributes);
        }

        if (spec.UsernameCaseSensitive is { } caseSensitive)
        {
            request["UsernameConfiguration"] = new JsonObject { ["CaseSensitive"] = caseSensitive };
        }

        if (spec.PasswordPolicy is { } policy)
        {
            request["Policies"] = new JsonObject
            {
                ["PasswordPolicy"] = new JsonObject
                {
                    ["MinimumLength"] = policy.MinimumLength,
                    ["RequireUppercase"] = policy.RequireUppercase,
                    ["RequireLowercase"] = policy.RequireLowercase,
                    ["RequireNumbers"] = policy.RequireNumbers,
                    ["RequireSymbols"] = policy.RequireSymbols,
                    ["TemporaryPasswordValidityDays"] = policy.TemporaryPasswordValidityDays,
                },
            };
        }

        if (spec.LambdaConfig is not null)
        {
            var lambda = new JsonObject();
            foreach (var (key, value) in spec.LambdaConfig)
            {
                lambda[key] = value;
            }

            request["LambdaConfig"] = lambda;
        }

        if (spec.MfaConfiguration is not null)
        {
            request["MfaConfiguration"] = spec.MfaConfiguration;
        }

        var answer = await SendAsync("CreateUserPool", request, cancellationToken);
        var pool = answer["UserPool"] ?? throw new InvalidOperationException("CreateUserPool answered without UserPool.");
        return new CreatedPool(pool["Id"]!.GetValue<string>(), pool["Arn"]?.GetValue<string>() ?? string.Empty);
    }

    /// <summary>CreateUserPoolClient from <paramref name="spec"/>; the secret is returned when one was generated.</summary>
    public async Task<AppClientKeys> CreateAppClientAsync(string userPoolId, AppClientSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userPoolId);
        ArgumentNullException.ThrowIfNull(spec);
        var request = new JsonObject
        {
            ["UserPoolId"] = userPoolId,
            ["ClientName"] = spec.Name,
            ["GenerateSecret"] = spec.GenerateSecret,
            ["ExplicitAuthFlows"] = StringArray(spec.ExplicitAuthFlows),
        };
        if (spec.PreventUserExistenceErrors is not null)
        {
            request["PreventUserExistenceErrors"] = spec.PreventUserExistenceErrors;
        }

        if (spec.WriteAttributes is not null)
        {
            request["WriteAttributes"] = StringArray(spec.WriteAttributes);
        }

        var answer = await SendAsync("CreateUserPoolClient", request, cancellationToken);
        var client = answer["UserPoolClient"] ?? throw new InvalidOperationException("CreateUserPoolClient answered without UserPoolClient.");
        return new AppClientKeys(client["ClientId"]!.GetValue<string>(), client["ClientSecret"]?.GetValue<string>());
    }

    /// <summary>
    /// Creates a user in the state <paramref name="spec"/> asks for (see <see cref="SeededUserStatus"/>),
    /// never sending a welcome message, and returns it as AdminGetUser reads it back.
    /// </summary>
    public async Task<UserView> CreateUserAsync(string userPoolId, UserSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userPoolId);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.Username, nameof(spec));
        ArgumentException.ThrowIfNullOrEmpty(spec.Password, nameof(spec));
        if (!Enum.IsDefined(spec.Status))
        {
            throw new ArgumentException($"UserSpec.Status {spec.Status} is not a known state.", nameof(spec));
        }

        var temporary = spec.Status == SeededUserStatus.ForceChangePassword ? spec.Password : GeneratedTemporaryPassword();
        var created = await SendAsync("AdminCreateUser", new JsonObject
        {
            ["UserPoolId"] = userPoolId,
            ["Username"] = spec.Username,
            ["MessageAction"] = "SUPPRESS",
            ["TemporaryPassword"] = temporary,
            ["UserAttributes"] = AttributeList(spec),
        }, cancellationToken);
        // With UsernameAttributes the pool stores the user under a generated name.
        var username = created["User"]?["Username"]?.GetValue<string>() ?? spec.Username;

        if (spec.Status is SeededUserStatus.Confirmed or SeededUserStatus.ResetRequired)
        {
            await SendAsync("AdminSetUserPassword", new JsonObject
            {
                ["UserPoolId"] = userPoolId,
                ["Username"] = username,
                ["Password"] = spec.Password,
                ["Permanent"] = true,
            }, cancellationToken);
        }

        if (spec.Status == SeededUserStatus.ResetRequired)
        {
            await SendAsync("AdminResetUserPassword", new JsonObject { ["UserPoolId"] = userPoolId, ["Username"] = username }, cancellationToken);
        }

        if (!spec.Enabled)
        {
            await SendAsync("AdminDisableUser", new JsonObject { ["UserPoolId"] = userPoolId, ["Username"] = username }, cancellationToken);
        }

        return await GetUserAsync(userPoolId, username, cancellationToken);
    }

    /// <summary>AdminGetUser.</summary>
    public async Task<UserView> GetUserAsync(string userPoolId, string username, CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync("AdminGetUser", new JsonObject { ["UserPoolId"] = userPoolId, ["Username"] = username }, cancellationToken);
        return ToUserView(answer, "UserAttributes");
    }

    /// <summary>AdminDisableUser.</summary>
    public Task DisableUserAsync(string userPoolId, string username, CancellationToken cancellationToken = default) =>
        SendAsync("AdminDisableUser", new JsonObject { ["UserPoolId"] = userPoolId, ["Username"] = username }, cancellationToken);

    /// <summary>DescribeUserPool; returns the <c>UserPool</c> object.</summary>
    public async Task<JsonObject> DescribeUserPoolAsync(string userPoolId, CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync("DescribeUserPool", new JsonObject { ["UserPoolId"] = userPoolId }, cancellationToken);
        return answer["UserPool"]?.AsObject() ?? throw new InvalidOperationException("DescribeUserPool answered without UserPool.");
    }

    /// <summary>
    /// ListUsers, following <c>PaginationToken</c> until the last page (at most <paramref name="maxPages"/>
    /// pages, so a broken endpoint cannot loop forever).
    /// </summary>
    public async Task<IReadOnlyList<UserView>> ListUsersAsync(
        string userPoolId, string? filter = null, int? limit = null, int maxPages = 10_000, CancellationToken cancellationToken = default)
    {
        var users = new List<UserView>();
        string? token = null;
        for (var page = 0; page < maxPages; page++)
        {
            var request = new JsonObject { ["UserPoolId"] = userPoolId };
            if (filter is not null)
            {
                request["Filter"] = filter;
            }

            if (limit is not null)
            {
                request["Limit"] = limit;
            }

            if (token is not null)
            {
                request["PaginationToken"] = token;
            }

            var answer = await SendAsync("ListUsers", request, cancellationToken);
            users.AddRange((answer["Users"]?.AsArray() ?? []).Select(u => ToUserView(u!.AsObject(), "Attributes")));
            token = answer["PaginationToken"]?.GetValue<string>();
            if (string.IsNullOrEmpty(token))
            {
                return users;
            }
        }

        throw new InvalidOperationException($"ListUsers still returned a PaginationToken after {maxPages} pages.");
    }

    /// <summary>CreateGroup, with a description and precedence when given.</summary>
    public Task<JsonObject> CreateGroupAsync(
        string userPoolId, string groupName, string? description = null, int? precedence = null, CancellationToken cancellationToken = default)
    {
        var request = new JsonObject { ["UserPoolId"] = userPoolId, ["GroupName"] = groupName };
        if (description is not null)
        {
            request["Description"] = description;
        }

        if (precedence is not null)
        {
            request["Precedence"] = precedence;
        }

        return SendAsync("CreateGroup", request, cancellationToken);
    }

    /// <summary>AdminAddUserToGroup.</summary>
    public Task AddUserToGroupAsync(string userPoolId, string username, string groupName, CancellationToken cancellationToken = default) =>
        SendAsync("AdminAddUserToGroup", new JsonObject { ["UserPoolId"] = userPoolId, ["Username"] = username, ["GroupName"] = groupName }, cancellationToken);

    /// <summary>AdminRemoveUserFromGroup.</summary>
    public Task RemoveUserFromGroupAsync(string userPoolId, string username, string groupName, CancellationToken cancellationToken = default) =>
        SendAsync("AdminRemoveUserFromGroup", new JsonObject { ["UserPoolId"] = userPoolId, ["Username"] = username, ["GroupName"] = groupName }, cancellationToken);

    /// <summary>AdminListGroupsForUser: the names of the user's groups, sorted.</summary>
    public async Task<IReadOnlyList<string>> GroupsOfAsync(string userPoolId, string username, CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync("AdminListGroupsForUser", new JsonObject { ["UserPoolId"] = userPoolId, ["Username"] = username }, cancellationToken);
        return [.. (answer["Groups"]?.AsArray() ?? []).Select(g => g!["GroupName"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// AdminInitiateAuth with ADMIN_USER_PASSWORD_AUTH, adding SECRET_HASH when the client has a
    /// secret. Returns the raw answer (tokens or a challenge).
    /// </summary>
    /// <exception cref="CognitoApiException">The sign-in was refused.</exception>
    public Task<JsonObject> AdminInitiateAuthAsync(
        string userPoolId, AppClientKeys client, string username, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var parameters = new JsonObject { ["USERNAME"] = username, ["PASSWORD"] = password };
        if (client.ClientSecret is not null)
        {
            parameters["SECRET_HASH"] = SecretHash.Compute(username, client.ClientId, client.ClientSecret);
        }

        return SendAsync("AdminInitiateAuth", new JsonObject
        {
            ["UserPoolId"] = userPoolId,
            ["ClientId"] = client.ClientId,
            ["AuthFlow"] = "ADMIN_USER_PASSWORD_AUTH",
            ["AuthParameters"] = parameters,
        }, cancellationToken);
    }

    /// <summary>Disposes the HttpClient when this instance created it.</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    internal static string SanitizeErrorType(string raw)
    {
        // Protocol rule: drop a "namespace#" prefix and a ":url" suffix (e.g. from x-amzn-ErrorType).
        var value = raw.Split(':', ',')[0];
        var hash = value.LastIndexOf('#');
        return hash >= 0 ? value[(hash + 1)..] : value;
    }

    private static JsonObject? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static JsonObject SchemaEntry(SchemaAttributeSpec attribute)
    {
        const string CustomPrefix = "custom:";
        var name = attribute.Name.StartsWith(CustomPrefix, StringComparison.Ordinal) ? attribute.Name[CustomPrefix.Length..] : attribute.Name;
        var entry = new JsonObject
        {
            ["Name"] = name,
            ["AttributeDataType"] = attribute.DataType,
            ["Mutable"] = attribute.Mutable,
            ["Required"] = attribute.Required,
        };
        if (!_standardAttributes.Contains(name) && attribute.DataType == "String")
        {
            entry["StringAttributeConstraints"] = new JsonObject { ["MinLength"] = "0", ["MaxLength"] = "2048" };
        }

        return entry;
    }

    private static JsonArray AttributeList(UserSpec spec)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (spec.Email is not null)
        {
            attributes["email"] = spec.Email;
            attributes["email_verified"] = spec.EmailVerified ? "true" : "false";
        }

        if (spec.PhoneNumber is not null)
        {
            attributes["phone_number"] = spec.PhoneNumber;
            attributes["phone_number_verified"] = spec.PhoneNumberVerified ? "true" : "false";
        }

        if (spec.PreferredUsername is not null)
        {
            attributes["preferred_username"] = spec.PreferredUsername;
        }

        foreach (var (name, value) in spec.Attributes)
        {
            attributes[name] = value;
        }

        return new JsonArray(attributes.Select(a => (JsonNode?)new JsonObject { ["Name"] = a.Key, ["Value"] = a.Value }).ToArray());
    }

    private static JsonArray StringArray(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static UserView ToUserView(JsonObject user, string attributesField)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in user[attributesField]?.AsArray() ?? [])
        {
            var name = attribute?["Name"]?.GetValue<string>();
            if (name is not null)
            {
                attributes[name] = attribute?["Value"]?.GetValue<string>() ?? string.Empty;
            }
        }

        return new UserView(
            user["Username"]?.GetValue<string>() ?? string.Empty,
            user["UserStatus"]?.GetValue<string>() ?? string.Empty,
            user["Enabled"]?.GetValue<bool>() ?? true,
            attributes);
    }

    private static string GeneratedTemporaryPassword() =>
        // 23 characters with upper, lower, digit and symbol: passes any policy of up to 23 characters.
        "Tmp-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)).ToLowerInvariant() + "Q7!";
}
