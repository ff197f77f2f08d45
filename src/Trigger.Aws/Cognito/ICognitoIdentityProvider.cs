namespace Trigger.Aws.Cognito;

/// <summary>
/// The Cognito Identity Provider operations this product uses, shaped like AWSSDK.CognitoIdentityProvider's
/// <c>IAmazonCognitoIdentityProvider</c> so the official package can replace this one locally. Errors
/// arrive as <see cref="AwsServiceException"/> or one of its typed subclasses
/// (<see cref="NotAuthorizedException"/>, <see cref="UserNotFoundException"/>, ...).
/// </summary>
public interface ICognitoIdentityProvider
{
    /// <summary>Signs a user in on the server side (for the trigger: checks the password against the old pool).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline; no retry starts after it fires.</param>
    Task<AdminInitiateAuthResponse> AdminInitiateAuthAsync(AdminInitiateAuthRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads one user.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<AdminGetUserResponse> AdminGetUserAsync(AdminGetUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of users; see <see cref="CognitoIdentityProviderPaginators.ListAllUsersAsync"/> for all pages.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates a user as an administrator.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sets a user's password.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<AdminSetUserPasswordResponse> AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken cancellationToken = default);

    /// <summary>Puts a user into RESET_REQUIRED.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<AdminResetUserPasswordResponse> AdminResetUserPasswordAsync(AdminResetUserPasswordRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a pool's settings, typed and as raw JSON.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<DescribeUserPoolResponse> DescribeUserPoolAsync(DescribeUserPoolRequest request, CancellationToken cancellationToken = default);

    /// <summary>Writes a pool's settings; build the request with <see cref="UpdateUserPoolRequest.FromDescribedUserPool"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<UpdateUserPoolResponse> UpdateUserPoolAsync(UpdateUserPoolRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads the CSV columns of a pool's import file.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<GetCSVHeaderResponse> GetCSVHeaderAsync(GetCSVHeaderRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates an import job.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<CreateUserImportJobResponse> CreateUserImportJobAsync(CreateUserImportJobRequest request, CancellationToken cancellationToken = default);

    /// <summary>Starts an import job.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<StartUserImportJobResponse> StartUserImportJobAsync(StartUserImportJobRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads an import job's progress.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<DescribeUserImportJobResponse> DescribeUserImportJobAsync(DescribeUserImportJobRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads one app client's settings (its secret included: never print it).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<DescribeUserPoolClientResponse> DescribeUserPoolClientAsync(DescribeUserPoolClientRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of a pool's app clients; see <see cref="CognitoIdentityProviderPaginators.ListAllUserPoolClientsAsync"/> for all pages.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<ListUserPoolClientsResponse> ListUserPoolClientsAsync(ListUserPoolClientsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the groups a user belongs to; see <see cref="CognitoIdentityProviderPaginators.ListAllGroupsForUserAsync"/> for all pages.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<AdminListGroupsForUserResponse> AdminListGroupsForUserAsync(AdminListGroupsForUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of a pool's groups; see <see cref="CognitoIdentityProviderPaginators.ListAllGroupsAsync"/> for all pages.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<ListGroupsResponse> ListGroupsAsync(ListGroupsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of a group's members; see <see cref="CognitoIdentityProviderPaginators.ListAllUsersInGroupAsync"/> for all pages.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<ListUsersInGroupResponse> ListUsersInGroupAsync(ListUsersInGroupRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates a group (<see cref="GroupExistsException"/> when the name is taken).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<CreateGroupResponse> CreateGroupAsync(CreateGroupRequest request, CancellationToken cancellationToken = default);

    /// <summary>Adds a user to a group (<see cref="ResourceNotFoundException"/> when the group does not exist).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<AdminAddUserToGroupResponse> AdminAddUserToGroupAsync(AdminAddUserToGroupRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes a user from a group (<see cref="ResourceNotFoundException"/> when the group does not exist).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<AdminRemoveUserFromGroupResponse> AdminRemoveUserFromGroupAsync(AdminRemoveUserFromGroupRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sets some of a user's attributes (UserUpdate quota).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<AdminUpdateUserAttributesResponse> AdminUpdateUserAttributesAsync(AdminUpdateUserAttributesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Disables a user.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<AdminDisableUserResponse> AdminDisableUserAsync(AdminDisableUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>Enables a user.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<AdminEnableUserResponse> AdminEnableUserAsync(AdminEnableUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a user.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Carries the caller's deadline.</param>
    Task<AdminDeleteUserResponse> AdminDeleteUserAsync(AdminDeleteUserRequest request, CancellationToken cancellationToken = default);
}
