using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
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
    // Throttling as DynamoDB names it (DynamoDB developer guide, "Error handling with DynamoDB").
    private static readonly HashSet<string> _throttlingCodes = new(StringComparer.Ordinal)
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "RequestLimitExceeded",
        "LimitExceededException",
    };

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
        catch (AmazonServiceException e)
        {
            // The error code and status only: the service's text could quote the key, a user's name.
            var transient = (e.ErrorCode is { } code && _throttlingCodes.Contains(code)) || (int)e.StatusCode >= 500;
            throw new UserDirectoryUnavailableException($"fold index {e.ErrorCode ?? $"HTTP {(int)e.StatusCode}"}", transient);
        }
        catch (AwsConfigurationException e)
        {
            throw new UserDirectoryUnavailableException("fold index credentials", transient: false, e);
        }
        catch (Exception e) when (e is AmazonClientException or HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Network failures and the SDK's own attempt timeout: the table was out of reach.
            throw new UserDirectoryUnavailableException($"fold index {(e is OperationCanceledException or TimeoutException ? "timeout" : "network error")}", e);
        }
    }
}
