namespace Trigger.Aws.Cognito;

/// <summary>One page of users, optionally filtered on one attribute (<c>email = "x"</c>, <c>=</c> or <c>^=</c>).</summary>
public sealed record ListUsersRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>Attributes to return; null for all.</summary>
    public IReadOnlyList<string>? AttributesToGet { get; init; }

    /// <summary>A filter like <c>email = "alice@example.com"</c>; custom attributes are not searchable.</summary>
    public string? Filter { get; init; }

    /// <summary>Users per page, at most 60. Pages may come back shorter, even empty, with a token.</summary>
    public int? Limit { get; init; }

    /// <summary>The token of the page to read; null for the first.</summary>
    public string? PaginationToken { get; init; }
}

/// <summary>One page of users.</summary>
public sealed record ListUsersResponse
{
    /// <summary>The users of this page.</summary>
    public IReadOnlyList<UserType>? Users { get; init; }

    /// <summary>The token of the next page; null on the last page.</summary>
    public string? PaginationToken { get; init; }
}
