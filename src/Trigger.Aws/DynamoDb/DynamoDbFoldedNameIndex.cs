using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Trigger.Aws.Protocol;
using Trigger.Migration.Ports;

namespace Trigger.Aws.DynamoDb;

/// <summary>
/// The fold index over a DynamoDB table (<see cref="FoldIndexItem"/>): one eventually consistent GetItem per
/// look-up. The index changes only when the ops tool rebuilds it, so a strongly consistent read would buy
/// nothing and cost twice the read units. Failures become <see cref="UserDirectoryUnavailableException"/>:
/// throttling, 5xx, network and timeouts transient; a missing table or a denied call not.
/// </summary>
public sealed class DynamoDbFoldedNameIndex : IFoldedNameIndex
{
    private readonly string _tableName;
    private readonly SdkClientOnFirstUse<IAmazonDynamoDB> _client;

    /// <summary>
    /// The index in <paramref name="tableName"/>. Region and endpoint are checked now; the client is built on
    /// the first look-up, once the credentials are known.
    /// </summary>
    /// <exception cref="AwsConfigurationException">No region or a bad endpoint.</exception>
    public DynamoDbFoldedNameIndex(string tableName, AwsClientOptions options, int maxRetries, TimeSpan attemptTimeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentNullException.ThrowIfNull(options);
        _tableName = tableName;
        var (config, credentials) = DynamoDbClients.Prepare(options, maxRetries, attemptTimeout);
        _client = new SdkClientOnFirstUse<IAmazonDynamoDB>(credentials, source => new AmazonDynamoDBClient(source, config));
    }

    /// <summary>The index over an existing client (the ops tool's, or a test's).</summary>
    public DynamoDbFoldedNameIndex(string tableName, IAmazonDynamoDB client)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentNullException.ThrowIfNull(client);
        _tableName = tableName;
        _client = new SdkClientOnFirstUse<IAmazonDynamoDB>(client);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FoldedNameOwner>> FindOwnersAsync(string foldedName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(foldedName);
        try
        {
            var client = await _client.GetAsync(cancellationToken);
            var response = await client.GetItemAsync(
                new GetItemRequest
                {
                    TableName = _tableName,
                    Key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [FoldIndexItem.KeyAttribute] = new AttributeValue { S = foldedName } },
                    ProjectionExpression = "#o",
                    ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#o"] = FoldIndexItem.OwnersAttribute },
                    ConsistentRead = false,
                },
                cancellationToken);
            return response.IsItemSet ? FoldIndexItem.OwnersOf(response.Item) : [];
        }
        catch (Exception e) when (DynamoDbFailures.Translate(e, "fold index", cancellationToken) is { } translated)
        {
            throw translated;
        }
    }
}
