using System.Text.Json;
using Amazon.Runtime;
using Trigger.Aws.Protocol;

namespace Trigger.Aws.Cognito;

/// <summary>
/// <see cref="ICognitoIdentityProvider"/> over the JSON 1.1 protocol, signed with AWSSDK.Core's
/// SigV4 signer. Safe to share between threads and to keep for the life of the process.
/// </summary>
public sealed class CognitoIdentityProviderClient : AwsJsonServiceClient, ICognitoIdentityProvider
{
    private static readonly CognitoJsonContext _json = CognitoJsonContext.Default;

    /// <summary>Builds the client; region, endpoint and options are checked here, credentials on the first call.</summary>
    /// <param name="options">Region, endpoint, credentials and the rest; see <see cref="AwsClientOptions"/>.</param>
    /// <exception cref="AwsConfigurationException">No region, or an endpoint that is not an absolute http(s) URL.</exception>
    public CognitoIdentityProviderClient(AwsClientOptions options)
        : this(options, defaultCredentials: null)
    {
    }

    internal CognitoIdentityProviderClient(AwsClientOptions options, Func<CancellationToken, Task<AWSCredentials>>? defaultCredentials)
        : base(AwsServiceDescription.CognitoIdentityProvider, options, defaultCredentials)
    {
    }

    /// <inheritdoc />
    public Task<AdminInitiateAuthResponse> AdminInitiateAuthAsync(AdminInitiateAuthRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync(
            "AdminInitiateAuth",
            request,
            _json.AdminInitiateAuthRequest,
            _json.AdminInitiateAuthResponse,
            Secrets(request?.AuthParameters?.Values, request?.ClientMetadata?.Values),
            cancellationToken);

    /// <inheritdoc />
    public Task<AdminGetUserResponse> AdminGetUserAsync(AdminGetUserRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync("AdminGetUser", request, _json.AdminGetUserRequest, _json.AdminGetUserResponse, [], cancellationToken);

    /// <inheritdoc />
    public Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync("ListUsers", request, _json.ListUsersRequest, _json.ListUsersResponse, [], cancellationToken);

    /// <inheritdoc />
    public Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync(
            "AdminCreateUser",
            request,
            _json.AdminCreateUserRequest,
            _json.AdminCreateUserResponse,
            Secrets([request?.TemporaryPassword], request?.ClientMetadata?.Values),
            cancellationToken);

    /// <inheritdoc />
    public Task<AdminSetUserPasswordResponse> AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync(
            "AdminSetUserPassword",
            request,
            _json.AdminSetUserPasswordRequest,
            _json.AdminSetUserPasswordResponse,
            Secrets([request?.Password], null),
            cancellationToken);

    /// <inheritdoc />
    public Task<AdminResetUserPasswordResponse> AdminResetUserPasswordAsync(AdminResetUserPasswordRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync(
            "AdminResetUserPassword",
            request,
            _json.AdminResetUserPasswordRequest,
            _json.AdminResetUserPasswordResponse,
            Secrets(request?.ClientMetadata?.Values, null),
            cancellationToken);

    /// <inheritdoc />
    public async Task<DescribeUserPoolResponse> DescribeUserPoolAsync(DescribeUserPoolRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Operation = "DescribeUserPool";
        var body = JsonSerializer.SerializeToUtf8Bytes(request, _json.DescribeUserPoolRequest);
        var answer = await Client.SendRawAsync(Operation, body, [], cancellationToken);
        try
        {
            // Parsed once: typed for reading, and kept raw so that an update can write back what we do not model.
            using var document = JsonDocument.Parse(answer);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Client.MalformedAnswer(Operation, null);
            }

            if (!document.RootElement.TryGetProperty("UserPool", out var pool) || pool.ValueKind != JsonValueKind.Object)
            {
                return new DescribeUserPoolResponse();
            }

            return new DescribeUserPoolResponse
            {
                UserPool = pool.Deserialize(_json.UserPoolType),
                RawUserPool = pool.Clone(),
            };
        }
        catch (JsonException exception)
        {
            throw Client.MalformedAnswer(Operation, exception);
        }
    }

    /// <inheritdoc />
    public async Task<UpdateUserPoolResponse> UpdateUserPoolAsync(UpdateUserPoolRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await Client.SendRawAsync("UpdateUserPool", request.ToUtf8Json(), [], cancellationToken);
        return new UpdateUserPoolResponse();
    }

    /// <inheritdoc />
    public Task<GetCSVHeaderResponse> GetCSVHeaderAsync(GetCSVHeaderRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync("GetCSVHeader", request, _json.GetCSVHeaderRequest, _json.GetCSVHeaderResponse, [], cancellationToken);

    /// <inheritdoc />
    public Task<CreateUserImportJobResponse> CreateUserImportJobAsync(CreateUserImportJobRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync("CreateUserImportJob", request, _json.CreateUserImportJobRequest, _json.CreateUserImportJobResponse, [], cancellationToken);

    /// <inheritdoc />
    public Task<StartUserImportJobResponse> StartUserImportJobAsync(StartUserImportJobRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync("StartUserImportJob", request, _json.StartUserImportJobRequest, _json.StartUserImportJobResponse, [], cancellationToken);

    /// <inheritdoc />
    public Task<DescribeUserImportJobResponse> DescribeUserImportJobAsync(DescribeUserImportJobRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync("DescribeUserImportJob", request, _json.DescribeUserImportJobRequest, _json.DescribeUserImportJobResponse, [], cancellationToken);

    /// <inheritdoc />
    public Task<DescribeUserPoolClientResponse> DescribeUserPoolClientAsync(DescribeUserPoolClientRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync("DescribeUserPoolClient", request, _json.DescribeUserPoolClientRequest, _json.DescribeUserPoolClientResponse, [], cancellationToken);

    /// <inheritdoc />
    public Task<ListUserPoolClientsResponse> ListUserPoolClientsAsync(ListUserPoolClientsRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync("ListUserPoolClients", request, _json.ListUserPoolClientsRequest, _json.ListUserPoolClientsResponse, [], cancellationToken);

    /// <inheritdoc />
    public Task<AdminListGroupsForUserResponse> AdminListGroupsForUserAsync(AdminListGroupsForUserRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync("AdminListGroupsForUser", request, _json.AdminListGroupsForUserRequest, _json.AdminListGroupsForUserResponse, [], cancellationToken);

    /// <inheritdoc />
    public Task<ListGroupsResponse> ListGroupsAsync(ListGroupsRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync("ListGroups", request, _json.ListGroupsRequest, _json.ListGroupsResponse, [], cancellationToken);

    /// <inheritdoc />
    public Task<ListUsersInGroupResponse> ListUsersInGroupAsync(ListUsersInGroupRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync("ListUsersInGroup", request, _json.ListUsersInGroupRequest, _json.ListUsersInGroupResponse, [], cancellationToken);

    /// <inheritdoc />
    public Task<CreateGroupResponse> CreateGroupAsync(CreateGroupRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync("CreateGroup", request, _json.CreateGroupRequest, _json.CreateGroupResponse, [], cancellationToken);

    /// <inheritdoc />
    public Task<AdminAddUserToGroupResponse> AdminAddUserToGroupAsync(AdminAddUserToGroupRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync("AdminAddUserToGroup", request, _json.AdminAddUserToGroupRequest, _json.AdminAddUserToGroupResponse, [], cancellationToken);

    /// <inheritdoc />
    public Task<AdminRemoveUserFromGroupResponse> AdminRemoveUserFromGroupAsync(AdminRemoveUserFromGroupRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync("AdminRemoveUserFromGroup", request, _json.AdminRemoveUserFromGroupRequest, _json.AdminRemoveUserFromGroupResponse, [], cancellationToken);

    /// <inheritdoc />
    public Task<AdminUpdateUserAttributesResponse> AdminUpdateUserAttributesAsync(AdminUpdateUserAttributesRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync(
            "AdminUpdateUserAttributes",
            request,
            _json.AdminUpdateUserAttributesRequest,
            _json.AdminUpdateUserAttributesResponse,
            Secrets(request?.ClientMetadata?.Values, null),
            cancellationToken);

    /// <inheritdoc />
    public Task<AdminDisableUserResponse> AdminDisableUserAsync(AdminDisableUserRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync("AdminDisableUser", request, _json.AdminDisableUserRequest, _json.AdminDisableUserResponse, [], cancellationToken);

    /// <inheritdoc />
    public Task<AdminEnableUserResponse> AdminEnableUserAsync(AdminEnableUserRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync("AdminEnableUser", request, _json.AdminEnableUserRequest, _json.AdminEnableUserResponse, [], cancellationToken);

    /// <inheritdoc />
    public Task<AdminDeleteUserResponse> AdminDeleteUserAsync(AdminDeleteUserRequest request, CancellationToken cancellationToken = default) =>
        Client.SendAsync("AdminDeleteUser", request, _json.AdminDeleteUserRequest, _json.AdminDeleteUserResponse, [], cancellationToken);

    // Every value that must not reach an exception message if the service echoes it back.
    private static string[] Secrets(IEnumerable<string?>? first, IEnumerable<string?>? second) =>
        [.. (first ?? []).Concat(second ?? []).OfType<string>().Where(s => s.Length > 0)];
}
