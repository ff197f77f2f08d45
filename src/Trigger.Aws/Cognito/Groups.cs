namespace Trigger.Aws.Cognito;

/// <summary>One group of a pool, as ListGroups, AdminListGroupsForUser and CreateGroup return it.</summary>
public sealed record GroupType
{
    /// <summary>The group's name, unique in its pool.</summary>
    public string? GroupName { get; init; }

    /// <summary>The group's description.</summary>
    public string? Description { get; init; }

    /// <summary>Lower wins when a user's groups carry IAM roles; null when none was set.</summary>
    public int? Precedence { get; init; }

    /// <summary>The IAM role the group's members may assume through an identity pool; null when none.</summary>
    public string? RoleArn { get; init; }
}

/// <summary>One page of the groups a user belongs to (UserRead quota category).</summary>
public sealed record AdminListGroupsForUserRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The user's username.</summary>
    public required string Username { get; init; }

    /// <summary>Groups per page, at most 60.</summary>
    public int? Limit { get; init; }

    /// <summary>The token of the page to read; null for the first.</summary>
    public string? NextToken { get; init; }
}

/// <summary>One page of a user's groups.</summary>
public sealed record AdminListGroupsForUserResponse
{
    /// <summary>The groups of this page.</summary>
    public IReadOnlyList<GroupType>? Groups { get; init; }

    /// <summary>The token of the next page; null on the last page.</summary>
    public string? NextToken { get; init; }
}

/// <summary>One page of a pool's groups.</summary>
public sealed record ListGroupsRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>Groups per page, at most 60.</summary>
    public int? Limit { get; init; }

    /// <summary>The token of the page to read; null for the first.</summary>
    public string? NextToken { get; init; }
}

/// <summary>One page of a pool's groups.</summary>
public sealed record ListGroupsResponse
{
    /// <summary>The groups of this page.</summary>
    public IReadOnlyList<GroupType>? Groups { get; init; }

    /// <summary>The token of the next page; null on the last page.</summary>
    public string? NextToken { get; init; }
}

/// <summary>One page of a group's members (UserList quota category, like ListUsers).</summary>
public sealed record ListUsersInGroupRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The group.</summary>
    public required string GroupName { get; init; }

    /// <summary>Users per page, at most 60.</summary>
    public int? Limit { get; init; }

    /// <summary>The token of the page to read; null for the first.</summary>
    public string? NextToken { get; init; }
}

/// <summary>One page of a group's members.</summary>
public sealed record ListUsersInGroupResponse
{
    /// <summary>The users of this page.</summary>
    public IReadOnlyList<UserType>? Users { get; init; }

    /// <summary>The token of the next page; null on the last page.</summary>
    public string? NextToken { get; init; }
}

/// <summary>Creates a group.</summary>
public sealed record CreateGroupRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The group's name.</summary>
    public required string GroupName { get; init; }

    /// <summary>The group's description; null for none.</summary>
    public string? Description { get; init; }

    /// <summary>The group's precedence; null for none.</summary>
    public int? Precedence { get; init; }

    /// <summary>The group's IAM role; null for none.</summary>
    public string? RoleArn { get; init; }
}

/// <summary>The group created.</summary>
public sealed record CreateGroupResponse
{
    /// <summary>The group as the pool stored it.</summary>
    public GroupType? Group { get; init; }
}

/// <summary>Adds a user to a group (UserResourceUpdate quota category). Adding a member again changes nothing.</summary>
public sealed record AdminAddUserToGroupRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The user's username.</summary>
    public required string Username { get; init; }

    /// <summary>The group.</summary>
    public required string GroupName { get; init; }
}

/// <summary>AdminAddUserToGroup answers nothing.</summary>
public sealed record AdminAddUserToGroupResponse;

/// <summary>Removes a user from a group (UserResourceUpdate quota category).</summary>
public sealed record AdminRemoveUserFromGroupRequest
{
    /// <summary>The pool.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The user's username.</summary>
    public required string Username { get; init; }

    /// <summary>The group.</summary>
    public required string GroupName { get; init; }
}

/// <summary>AdminRemoveUserFromGroup answers nothing.</summary>
public sealed record AdminRemoveUserFromGroupResponse;
