using Trigger.Aws.Cognito;

namespace Trigger.Testing.Decorators;

/// <summary>
/// Passes every call to the client it wraps. Test decorators (a recorder, a crash switch, a meter) derive
/// from it and override only the operations they watch, so a new operation on the interface is one edit here.
/// </summary>
public abstract class ForwardingCognito(ICognitoIdentityProvider inner) : ICognitoIdentityProvider
{
    /// <summary>Gets the wrapped client.</summary>
    protected ICognitoIdentityProvider Inner { get; } = inner;

    /// <inheritdoc />
    public virtual Task<AdminInitiateAuthResponse> AdminInitiateAuthAsync(AdminInitiateAuthRequest request, CancellationToken cancellationToken = default) => Inner.AdminInitiateAuthAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<AdminGetUserResponse> AdminGetUserAsync(AdminGetUserRequest request, CancellationToken cancellationToken = default) => Inner.AdminGetUserAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken cancellationToken = default) => Inner.ListUsersAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default) => Inner.AdminCreateUserAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<AdminSetUserPasswordResponse> AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken cancellationToken = default) => Inner.AdminSetUserPasswordAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<AdminResetUserPasswordResponse> AdminResetUserPasswordAsync(AdminResetUserPasswordRequest request, CancellationToken cancellationToken = default) => Inner.AdminResetUserPasswordAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<DescribeUserPoolResponse> DescribeUserPoolAsync(DescribeUserPoolRequest request, CancellationToken cancellationToken = default) => Inner.DescribeUserPoolAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<UpdateUserPoolResponse> UpdateUserPoolAsync(UpdateUserPoolRequest request, CancellationToken cancellationToken = default) => Inner.UpdateUserPoolAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<GetCSVHeaderResponse> GetCSVHeaderAsync(GetCSVHeaderRequest request, CancellationToken cancellationToken = default) => Inner.GetCSVHeaderAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<CreateUserImportJobResponse> CreateUserImportJobAsync(CreateUserImportJobRequest request, CancellationToken cancellationToken = default) => Inner.CreateUserImportJobAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<StartUserImportJobResponse> StartUserImportJobAsync(StartUserImportJobRequest request, CancellationToken cancellationToken = default) => Inner.StartUserImportJobAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<DescribeUserImportJobResponse> DescribeUserImportJobAsync(DescribeUserImportJobRequest request, CancellationToken cancellationToken = default) => Inner.DescribeUserImportJobAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<DescribeUserPoolClientResponse> DescribeUserPoolClientAsync(DescribeUserPoolClientRequest request, CancellationToken cancellationToken = default) => Inner.DescribeUserPoolClientAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ListUserPoolClientsResponse> ListUserPoolClientsAsync(ListUserPoolClientsRequest request, CancellationToken cancellationToken = default) => Inner.ListUserPoolClientsAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<AdminListGroupsForUserResponse> AdminListGroupsForUserAsync(AdminListGroupsForUserRequest request, CancellationToken cancellationToken = default) => Inner.AdminListGroupsForUserAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ListGroupsResponse> ListGroupsAsync(ListGroupsRequest request, CancellationToken cancellationToken = default) => Inner.ListGroupsAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ListUsersInGroupResponse> ListUsersInGroupAsync(ListUsersInGroupRequest request, CancellationToken cancellationToken = default) => Inner.ListUsersInGroupAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<CreateGroupResponse> CreateGroupAsync(CreateGroupRequest request, CancellationToken cancellationToken = default) => Inner.CreateGroupAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<AdminAddUserToGroupResponse> AdminAddUserToGroupAsync(AdminAddUserToGroupRequest request, CancellationToken cancellationToken = default) => Inner.AdminAddUserToGroupAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<AdminRemoveUserFromGroupResponse> AdminRemoveUserFromGroupAsync(AdminRemoveUserFromGroupRequest request, CancellationToken cancellationToken = default) => Inner.AdminRemoveUserFromGroupAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<AdminUpdateUserAttributesResponse> AdminUpdateUserAttributesAsync(AdminUpdateUserAttributesRequest request, CancellationToken cancellationToken = default) => Inner.AdminUpdateUserAttributesAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<AdminDisableUserResponse> AdminDisableUserAsync(AdminDisableUserRequest request, CancellationToken cancellationToken = default) => Inner.AdminDisableUserAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<AdminEnableUserResponse> AdminEnableUserAsync(AdminEnableUserRequest request, CancellationToken cancellationToken = default) => Inner.AdminEnableUserAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<AdminDeleteUserResponse> AdminDeleteUserAsync(AdminDeleteUserRequest request, CancellationToken cancellationToken = default) => Inner.AdminDeleteUserAsync(request, cancellationToken);
}
