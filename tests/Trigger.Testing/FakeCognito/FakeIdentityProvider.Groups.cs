using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>
/// Groups: CreateGroup, ListGroups, AdminAddUserToGroup, AdminRemoveUserFromGroup, AdminListGroupsForUser, ListUsersInGroup. The
/// listings take Limit (1 to 60) and NextToken, and their pages can be made short (even empty, with a token)
/// through <see cref="GroupPageSize"/>, as Cognito's sometimes are. Group names are case-sensitive.
/// </summary>
internal sealed partial class FakeIdentityProvider
{
    private readonly Dictionary<string, SortedDictionary<string, FakeGroup>> _groups = new(StringComparer.Ordinal);

    // Makes every token unique, so an empty page's token differs from the one that asked for it (as Cognito's do).
    private long _groupTokenSerial;

    /// <summary>See <see cref="FakeCognito.GroupPageSize"/>.</summary>
    public Func<string, int, int>? GroupPageSize { get; set; }

    private void AddGroupOperations()
    {
        _operations["CreateGroup"] = CreateGroup;
        _operations["ListGroups"] = ListGroups;
        _operations["AdminAddUserToGroup"] = AdminAddUserToGroup;
        _operations["AdminRemoveUserFromGroup"] = AdminRemoveUserFromGroup;
        _operations["AdminListGroupsForUser"] = AdminListGroupsForUser;
        _operations["ListUsersInGroup"] = ListUsersInGroup;
    }

    private SortedDictionary<string, FakeGroup> GroupsOf(FakeUserPool pool)
    {
        if (!_groups.TryGetValue(pool.Id, out var groups))
        {
            groups = new SortedDictionary<string, FakeGroup>(StringComparer.Ordinal);
            _groups[pool.Id] = groups;
        }

        return groups;
    }

    private JsonObject CreateGroup(JsonObject request)
    {
        var pool = Pool(request);
        var name = RequestFields.Required(request, "GroupName");
        var groups = GroupsOf(pool);
        if (groups.ContainsKey(name))
        {
            throw new CognitoFault("GroupExistsException", "A group with the name already exists.");
        }

        var group = new FakeGroup(name, RequestFields.Optional(request, "Description"), RequestFields.OptionalInt(request, "Precedence"), RequestFields.Optional(request, "RoleArn"));
        groups[name] = group;
        return new JsonObject { ["Group"] = group.ToJson(pool.Id) };
    }

    private JsonObject ListGroups(JsonObject request)
    {
        var pool = Pool(request);
        var all = GroupsOf(pool).Values.ToList();
        var (page, next) = Page(pool, "ListGroups", request, all);
        return WithToken(new JsonObject { ["Groups"] = new JsonArray([.. page.Select(g => (JsonNode)g.ToJson(pool.Id))]) }, next);
    }

    private JsonObject AdminAddUserToGroup(JsonObject request)
    {
        var pool = Pool(request);
        var name = RequestFields.Required(request, "GroupName");
        if (!GroupsOf(pool).TryGetValue(name, out var group))
        {
            throw new CognitoFault("ResourceNotFoundException", "Group not found.");
        }

        var user = pool.RequireUser(RequestFields.Required(request, "Username"));
        group.Members.Add(pool.UsernameKey(user.Username));
        return [];
    }

    private JsonObject AdminRemoveUserFromGroup(JsonObject request)
    {
        var pool = Pool(request);
        var name = RequestFields.Required(request, "GroupName");
        if (!GroupsOf(pool).TryGetValue(name, out var group))
        {
            throw new CognitoFault("ResourceNotFoundException", "Group not found.");
        }

        var user = pool.RequireUser(RequestFields.Required(request, "Username"));
        group.Members.Remove(pool.UsernameKey(user.Username));
        return [];
    }

    private JsonObject AdminListGroupsForUser(JsonObject request)
    {
        var pool = Pool(request);
        var key = pool.UsernameKey(pool.RequireUser(RequestFields.Required(request, "Username")).Username);
        var all = GroupsOf(pool).Values.Where(g => g.Members.Contains(key)).ToList();
        var (page, next) = Page(pool, "AdminListGroupsForUser", request, all);
        return WithToken(new JsonObject { ["Groups"] = new JsonArray([.. page.Select(g => (JsonNode)g.ToJson(pool.Id))]) }, next);
    }

    private JsonObject ListUsersInGroup(JsonObject request)
    {
        var pool = Pool(request);
        var name = RequestFields.Required(request, "GroupName");
        if (!GroupsOf(pool).TryGetValue(name, out var group))
        {
            throw new CognitoFault("ResourceNotFoundException", "Group not found.");
        }

        var members = pool.UsersInOrder.Where(u => group.Members.Contains(pool.UsernameKey(u.Username))).ToList();
        var (page, next) = Page(pool, "ListUsersInGroup", request, members);
        return WithToken(new JsonObject { ["Users"] = new JsonArray([.. page.Select(u => (JsonNode)u.ToListEntry([]))]) }, next);
    }

    private (List<T> Page, string? Next) Page<T>(FakeUserPool pool, string operation, JsonObject request, List<T> all)
    {
        var limit = RequestFields.OptionalInt(request, "Limit") ?? MaxListLimit;
        if (limit is < 1 or > MaxListLimit)
        {
            throw CognitoFault.InvalidParameter(
                $"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and {MaxListLimit}");
        }

        var token = RequestFields.Optional(request, "NextToken");
        var offset = token is null ? 0 : DecodeGroupToken(pool, operation, token);
        var size = GroupPageSize is { } sizeOf ? Math.Clamp(sizeOf(operation, limit), 0, limit) : limit;
        var page = all.Skip(offset).Take(size).ToList();
        var end = offset + page.Count;
        return (page, end < all.Count ? EncodeGroupToken(pool, operation, end) : null);
    }

    private static JsonObject WithToken(JsonObject answer, string? next)
    {
        if (next is not null)
        {
            answer["NextToken"] = next;
        }

        return answer;
    }

    private string EncodeGroupToken(FakeUserPool pool, string operation, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{pool.Id}|{operation}|{offset.ToString(CultureInfo.InvariantCulture)}|{(++_groupTokenSerial).ToString(CultureInfo.InvariantCulture)}"));

    private static int DecodeGroupToken(FakeUserPool pool, string operation, string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
            if (parts.Length == 4 && parts[0] == pool.Id && parts[1] == operation
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Reported below.
        }

        throw CognitoFault.InvalidParameter("Invalid pagination token.");
    }

    private sealed record FakeGroup(string Name, string? Description, int? Precedence, string? RoleArn)
    {
        public HashSet<string> Members { get; } = new(StringComparer.Ordinal);

        public JsonObject ToJson(string userPoolId)
        {
            var json = new JsonObject { ["GroupName"] = Name, ["UserPoolId"] = userPoolId };
            if (Description is not null)
            {
                json["Description"] = Description;
            }

            if (Precedence is not null)
            {
                json["Precedence"] = Precedence;
            }

            if (RoleArn is not null)
            {
                json["RoleArn"] = RoleArn;
            }

            return json;
        }
    }
}
