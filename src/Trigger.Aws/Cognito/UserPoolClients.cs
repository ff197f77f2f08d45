namespace Trigger.Aws.Cognito;

/// <summary>Reads one app client of a pool.</summary>
public sealed record DescribeUserPoolClientRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The app client's id.</summary>
    public required string ClientId { get; init; }
}

/// <summary>One app client, as DescribeUserPoolClient returns it.</summary>
public sealed record DescribeUserPoolClientResponse
{
    /// <summary>The app client.</summary>
    public UserPoolClientType? UserPoolClient { get; init; }
}

/// <summary>Reads one page of a pool's app clients.</summary>
public sealed record ListUserPoolClientsRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>Clients per page, 1 to 60.</summary>
    public int? MaxResults { get; init; }

    /// <summary>The token of the page to read; null for the first.</summary>
    public string? NextToken { get; init; }
}

/// <summary>One page of a pool's app clients: ids and names only.</summary>
public sealed record ListUserPoolClientsResponse
{
    /// <summary>The clients of this page.</summary>
    public IReadOnlyList<UserPoolClientDescription>? UserPoolClients { get; init; }

    /// <summary>The token of the next page; null on the last page.</summary>
    public string? NextToken { get; init; }
}

/// <summary>An app client as ListUserPoolClients names it (Cognito API reference, UserPoolClientDescription).</summary>
public sealed record UserPoolClientDescription
{
    /// <summary>The app client's id.</summary>
    public string? ClientId { get; init; }

    /// <summary>The pool.</summary>
    public string? UserPoolId { get; init; }

    /// <summary>The app client's name.</summary>
    public string? ClientName { get; init; }
}

/// <summary>
/// The settings of an app client that this product reads (Cognito API reference, UserPoolClientType).
/// <see cref="ToString"/> leaves <see cref="ClientSecret"/> out, so the secret cannot reach a log line
/// or a test message by accident.
/// </summary>
public sealed record UserPoolClientType
{
    /// <summary>The pool.</summary>
    public string? UserPoolId { get; init; }

    /// <summary>The app client's name.</summary>
    public string? ClientName { get; init; }

    /// <summary>The app client's id.</summary>
    public string? ClientId { get; init; }

    /// <summary>
    /// The attributes this client may write (sign-up, UpdateUserAttributes), when a custom list is set; null
    /// means Cognito's default, which covers standard attributes only, never a custom one (API reference,
    /// UserPoolClientType.WriteAttributes).
    /// </summary>
    public IReadOnlyList<string>? WriteAttributes { get; init; }

    /// <summary>The client secret, when the client has one. Never print it; test <see cref="HasClientSecret"/> instead.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>True when the client has a secret (then every sign-in call needs a SECRET_HASH).</summary>
    public bool HasClientSecret => !string.IsNullOrEmpty(ClientSecret);

    /// <summary>When the client was created.</summary>
    public DateTimeOffset? CreationDate { get; init; }

    /// <summary>When the client was last changed.</summary>
    public DateTimeOffset? LastModifiedDate { get; init; }

    /// <summary>
    /// The sign-in flows the client allows, for example <c>ALLOW_USER_PASSWORD_AUTH</c>,
    /// <c>ALLOW_ADMIN_USER_PASSWORD_AUTH</c>, <c>ALLOW_USER_SRP_AUTH</c> (or the legacy names without <c>ALLOW_</c>).
    /// </summary>
    public IReadOnlyList<string>? ExplicitAuthFlows { get; init; }

    /// <summary><c>ENABLED</c> or <c>LEGACY</c>; null on clients that never set it (LEGACY behaviour).</summary>
    public string? PreventUserExistenceErrors { get; init; }

    /// <summary>Whether refresh tokens can be revoked.</summary>
    public bool? EnableTokenRevocation { get; init; }

    /// <summary>The client's id and name; never its secret.</summary>
    public override string ToString() =>
        $"UserPoolClientType {{ UserPoolId = {UserPoolId}, ClientId = {ClientId}, ClientName = {ClientName}, HasClientSecret = {HasClientSecret} }}";
}
