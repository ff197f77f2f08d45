using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>
/// ListUsers: Filter, Limit (1 to 60, default 60), AttributesToGet and PaginationToken. Pages can be
/// made short (even empty, with a token) through <see cref="ListUsersPageSize"/>, as Cognito's pages
/// sometimes are.
/// </summary>
internal sealed partial class FakeIdentityProvider
{
    private const int MaxListLimit = 60;

    private JsonObject ListUsers(JsonObject request)
    {
        var pool = Pool(request);
        var limit = RequestFields.OptionalInt(request, "Limit") ?? MaxListLimit;
        if (limit is < 1 or > MaxListLimit)
        {
            throw CognitoFault.InvalidParameter(
                $"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and {MaxListLimit}");
        }

        var filter = UserFilter.Parse(RequestFields.Optional(request, "Filter"));
        var token = RequestFields.Optional(request, "PaginationToken");
        var after = token is null ? 0 : DecodeToken(pool, token);
        var pageSize = ListUsersPageSize is { } pageSizeOf
            ? Math.Clamp(pageSizeOf(new ListUsersPageRequest(pool.Id, limit, token is null)), 0, limit)
            : limit;

        var attributesToGet = RequestFields.Strings(request, "AttributesToGet");
        // One more than the page tells whether a token is due, without reading the rest of the pool.
        var ahead = pool.UsersAfter(after).Where(u => filter.Matches(u, pool.CaseSensitive)).Take(pageSize + 1).ToList();
        var page = ahead.Take(pageSize).ToList();
        var answer = new JsonObject
        {
            ["Users"] = new JsonArray(page.Select(u => (JsonNode?)u.ToListEntry(attributesToGet)).ToArray()),
        };
        if (ahead.Count > page.Count)
        {
            var last = page.Count > 0 ? page[^1].Sequence : after;
            answer["PaginationToken"] = EncodeToken(pool, last);
        }

        return answer;
    }

    private static string EncodeToken(FakeUserPool pool, long afterSequence) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{pool.Id}|{afterSequence.ToString(CultureInfo.InvariantCulture)}"));

    private static long DecodeToken(FakeUserPool pool, string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
            if (parts.Length == 2 && parts[0] == pool.Id && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var after))
            {
                return after;
            }
        }
        catch (FormatException)
        {
            // Reported below.
        }

        throw CognitoFault.InvalidParameter("Invalid pagination token.");
    }
}
