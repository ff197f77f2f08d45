using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>One app client of a fake pool.</summary>
internal sealed class FakeAppClient
{
    public required string ClientId { get; init; }

    public required string UserPoolId { get; init; }

    public required string ClientName { get; init; }

    public string? ClientSecret { get; init; }

    public required IReadOnlyList<string> ExplicitAuthFlows { get; init; }

    public string? PreventUserExistenceErrors { get; init; }

    /// <summary>The attributes the client may write, when a custom list was set; null: Cognito's default (standard attributes).</summary>
    public IReadOnlyList<string>? WriteAttributes { get; init; }

    public double CreatedAt { get; init; }

    public bool Allows(string flow) => ExplicitAuthFlows.Contains(flow, StringComparer.Ordinal);

    public JsonObject Describe()
    {
        var client = new JsonObject
        {
            ["UserPoolId"] = UserPoolId,
            ["ClientName"] = ClientName,
            ["ClientId"] = ClientId,
            ["CreationDate"] = CreatedAt,
            ["LastModifiedDate"] = CreatedAt,
            ["ExplicitAuthFlows"] = new JsonArray(ExplicitAuthFlows.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
        };
        if (ClientSecret is not null)
        {
            client["ClientSecret"] = ClientSecret;
        }

        if (WriteAttributes is not null)
        {
            client["WriteAttributes"] = new JsonArray([.. WriteAttributes.Select(a => (JsonNode?)a)]);
        }

        if (PreventUserExistenceErrors is not null)
        {
            client["PreventUserExistenceErrors"] = PreventUserExistenceErrors;
        }

        return client;
    }
}
