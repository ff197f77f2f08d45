using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Trigger.Aws.Protocol;
using Trigger.Migration.Decisions;
using Trigger.Migration.Ports;

namespace Trigger.Aws.DynamoDb;

/// <summary>
/// The groups hand-over in a DynamoDB table, so that the PostAuthentication and Pre token generation steps find
/// what UserMigration recorded whichever execution environment serves them. One item per waiting user, key
/// <see cref="KeyAttribute"/> = <c>pool/name</c>, the name as the new pool compares it (exact in a case-sensitive
/// pool, so <c>Admin</c> and <c>admin</c> migrating in the same minutes keep an item each; folded in a
/// case-insensitive one); the item keeps the name as recorded and the pool's case rule. A take is a conditional
/// DeleteItem returning the old item: atomic (taken once, whoever asks second finds nothing) and, in a
/// case-sensitive pool, refused for any other spelling of the name (the stranger <c>admin</c> neither takes nor
/// removes what waits for <c>Admin</c>). The taker does not know the pool's rule, so it asks under the exact name
/// and, only when that finds nothing and the folded name differs, under the folded one. <see cref="ExpiresAttribute"/> is the
/// table's TTL attribute; DynamoDB deletes expired items only eventually (typically within a few days), so a take
/// also ignores an item past its expiry.
/// </summary>
public sealed class DynamoDbGroupHandOver : IGroupHandOverStore
{
    /// <summary>The partition key (string): <c>&lt;pool id&gt;/&lt;folded name&gt;</c>.</summary>
    public const string KeyAttribute = "k";

    /// <summary>The TTL attribute (number, epoch seconds) the table's time to live is enabled on.</summary>
    public const string ExpiresAttribute = "expires";

    private const string UsernameAttribute = "u";
    private const string CaseSensitiveAttribute = "cs";
    private const string GroupsAttribute = "g";
    private const string AppliedAttribute = "applied";
    private const string TableRole = "group hand-over";

    private readonly string _tableName;
    private readonly SdkClientOnFirstUse<IAmazonDynamoDB> _client;
    private readonly TimeProvider _time;

    /// <summary>
    /// The hand-over in <paramref name="tableName"/>. Region and endpoint are checked now; the client is built on
    /// the first call, once the credentials are known.
    /// </summary>
    /// <exception cref="AwsConfigurationException">No region or a bad endpoint.</exception>
    public DynamoDbGroupHandOver(string tableName, AwsClientOptions options, int maxRetries, TimeSpan attemptTimeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentNullException.ThrowIfNull(options);
        _tableName = tableName;
        _time = options.TimeProvider ?? TimeProvider.System;
        var (config, credentials) = DynamoDbClients.Prepare(options, maxRetries, attemptTimeout);
        _client = new SdkClientOnFirstUse<IAmazonDynamoDB>(credentials, source => new AmazonDynamoDBClient(source, config));
    }

    /// <summary>The hand-over over an existing client (a test's).</summary>
    public DynamoDbGroupHandOver(string tableName, IAmazonDynamoDB client, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        _tableName = tableName;
        _time = time;
        _client = new SdkClientOnFirstUse<IAmazonDynamoDB>(client);
    }

    /// <summary>The key of <paramref name="username"/>'s item in <paramref name="userPoolId"/>, under the pool's case rule.</summary>
    public static string KeyOf(string userPoolId, string username, bool caseSensitive) =>
        $"{userPoolId}/{(caseSensitive ? username : NameFolding.Fold(username))}";

    /// <inheritdoc />
    public async Task PutAsync(GroupHandOverEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await CallAsync(
            async client => await client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = _tableName,
                    Item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                    {
                        [KeyAttribute] = new AttributeValue { S = KeyOf(entry.UserPoolId, entry.Username, entry.CaseSensitive) },
                        [UsernameAttribute] = new AttributeValue { S = entry.Username },
                        [CaseSensitiveAttribute] = new AttributeValue { BOOL = entry.CaseSensitive },
                        [GroupsAttribute] = new AttributeValue { L = entry.Groups.Select(g => new AttributeValue { S = g }).ToList() },
                        [AppliedAttribute] = new AttributeValue { BOOL = entry.Applied },
                        [ExpiresAttribute] = new AttributeValue { N = entry.Expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                    },
                },
                cancellationToken),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<GroupHandOverEntry?> TakeAsync(string userPoolId, string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userPoolId);
        ArgumentNullException.ThrowIfNull(username);
        var folded = NameFolding.Fold(username);
        return await TakeUnderAsync(userPoolId, username, KeyOf(userPoolId, username, caseSensitive: true), cancellationToken)
            ?? (folded == username ? null : await TakeUnderAsync(userPoolId, username, KeyOf(userPoolId, username, caseSensitive: false), cancellationToken));
    }

    private async Task<GroupHandOverEntry?> TakeUnderAsync(string userPoolId, string username, string key, CancellationToken cancellationToken)
    {
        var response = await CallAsync(
            async client =>
            {
                try
                {
                    return await client.DeleteItemAsync(
                        new DeleteItemRequest
                        {
                            TableName = _tableName,
                            Key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [KeyAttribute] = new AttributeValue { S = key } },
                            // Nothing there, a case-insensitive pool, or exactly this name: otherwise leave it alone.
                            ConditionExpression = "attribute_not_exists(#k) OR #cs = :false OR #u = :u",
                            ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal)
                            {
                                ["#k"] = KeyAttribute,
                                ["#cs"] = CaseSensitiveAttribute,
                                ["#u"] = UsernameAttribute,
                            },
                            ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                            {
                                [":false"] = new AttributeValue { BOOL = false },
                                [":u"] = new AttributeValue { S = username },
                            },
                            ReturnValues = ReturnValue.ALL_OLD,
                        },
                        cancellationToken);
                }
                catch (ConditionalCheckFailedException)
                {
                    return null;
                }
            },
            cancellationToken);
        return response?.Attributes is { Count: > 0 } item ? EntryOf(userPoolId, item) : null;
    }

    private GroupHandOverEntry? EntryOf(string userPoolId, Dictionary<string, AttributeValue> item)
    {
        // An item that is malformed or past its expiry (TTL deletion is lazy) grants nothing.
        if (!item.TryGetValue(ExpiresAttribute, out var expires)
            || !long.TryParse(expires.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var expiresSeconds)
            || expiresSeconds <= _time.GetUtcNow().ToUnixTimeSeconds()
            || !item.TryGetValue(UsernameAttribute, out var username) || string.IsNullOrEmpty(username.S)
            || !item.TryGetValue(GroupsAttribute, out var groups) || groups.L is null)
        {
            return null;
        }

        return new GroupHandOverEntry(
            userPoolId,
            username.S,
            !item.TryGetValue(CaseSensitiveAttribute, out var cs) || cs.BOOL != false,
            [.. groups.L.Where(g => !string.IsNullOrEmpty(g.S)).Select(g => g.S)],
            item.TryGetValue(AppliedAttribute, out var applied) && applied.BOOL == true,
            DateTimeOffset.FromUnixTimeSeconds(expiresSeconds));
    }

    private async Task<T> CallAsync<T>(Func<IAmazonDynamoDB, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(await _client.GetAsync(cancellationToken));
        }
        catch (Exception e) when (DynamoDbFailures.Translate(e, TableRole, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }
}
