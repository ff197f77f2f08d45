using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Trigger.Aws.Protocol;

namespace Trigger.Aws.Cognito;

/// <summary>
/// Source-generated JSON for the Cognito shapes: member names as the API spells them, nulls left
/// out of requests, unknown members ignored, timestamps as epoch seconds.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(AdminInitiateAuthRequest))]
[JsonSerializable(typeof(AdminInitiateAuthResponse))]
[JsonSerializable(typeof(AdminGetUserRequest))]
[JsonSerializable(typeof(AdminGetUserResponse))]
[JsonSerializable(typeof(ListUsersRequest))]
[JsonSerializable(typeof(ListUsersResponse))]
[JsonSerializable(typeof(AdminCreateUserRequest))]
[JsonSerializable(typeof(AdminCreateUserResponse))]
[JsonSerializable(typeof(AdminSetUserPasswordRequest))]
[JsonSerializable(typeof(AdminSetUserPasswordResponse))]
[JsonSerializable(typeof(AdminResetUserPasswordRequest))]
[JsonSerializable(typeof(AdminResetUserPasswordResponse))]
[JsonSerializable(typeof(DescribeUserPoolRequest))]
[JsonSerializable(typeof(UserPoolType))]
[JsonSerializable(typeof(UpdateUserPoolResponse))]
[JsonSerializable(typeof(GetCSVHeaderRequest))]
[JsonSerializable(typeof(GetCSVHeaderResponse))]
[JsonSerializable(typeof(CreateUserImportJobRequest))]
[JsonSerializable(typeof(CreateUserImportJobResponse))]
[JsonSerializable(typeof(StartUserImportJobRequest))]
[JsonSerializable(typeof(StartUserImportJobResponse))]
[JsonSerializable(typeof(DescribeUserImportJobRequest))]
[JsonSerializable(typeof(DescribeUserImportJobResponse))]
[JsonSerializable(typeof(DescribeUserPoolClientRequest))]
[JsonSerializable(typeof(DescribeUserPoolClientResponse))]
[JsonSerializable(typeof(ListUserPoolClientsRequest))]
[JsonSerializable(typeof(ListUserPoolClientsResponse))]
[JsonSerializable(typeof(AdminListGroupsForUserRequest))]
[JsonSerializable(typeof(AdminListGroupsForUserResponse))]
[JsonSerializable(typeof(ListGroupsRequest))]
[JsonSerializable(typeof(ListGroupsResponse))]
[JsonSerializable(typeof(ListUsersInGroupRequest))]
[JsonSerializable(typeof(ListUsersInGroupResponse))]
[JsonSerializable(typeof(CreateGroupRequest))]
[JsonSerializable(typeof(CreateGroupResponse))]
[JsonSerializable(typeof(AdminAddUserToGroupRequest))]
[JsonSerializable(typeof(AdminAddUserToGroupResponse))]
[JsonSerializable(typeof(AdminRemoveUserFromGroupRequest))]
[JsonSerializable(typeof(AdminRemoveUserFromGroupResponse))]
[JsonSerializable(typeof(AdminUpdateUserAttributesRequest))]
[JsonSerializable(typeof(AdminUpdateUserAttributesResponse))]
[JsonSerializable(typeof(AdminDisableUserRequest))]
[JsonSerializable(typeof(AdminDisableUserResponse))]
[JsonSerializable(typeof(AdminEnableUserRequest))]
[JsonSerializable(typeof(AdminEnableUserResponse))]
[JsonSerializable(typeof(AdminDeleteUserRequest))]
[JsonSerializable(typeof(AdminDeleteUserResponse))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class CognitoJsonContext : JsonSerializerContext;
