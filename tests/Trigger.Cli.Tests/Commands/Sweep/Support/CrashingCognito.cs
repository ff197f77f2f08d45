using Trigger.Aws.Cognito;
using Trigger.Testing.Decorators;

namespace Trigger.Cli.Tests.Commands.Sweep.Support;

/// <summary>
/// A client that stops dead when the <see cref="CrashSwitch"/> trips, and can trip it itself right after
/// the n-th AdminCreateUser (or AdminSetUserPassword, or AdminAddUserToGroup) reached the pool: the remote write
/// happened, the process never learned it.
/// </summary>
internal sealed class CrashingCognito(
    ICognitoIdentityProvider inner, CrashSwitch crash, int? afterCreate = null, int? afterSetPassword = null, Action<int>? onCreated = null, int? afterAddToGroup = null)
    : ForwardingCognito(inner)
{
    private int _creates;
    private int _passwords;
    private int _groupAdds;

    public override async Task<AdminAddUserToGroupResponse> AdminAddUserToGroupAsync(AdminAddUserToGroupRequest request, CancellationToken cancellationToken = default)
    {
        Alive();
        var answer = await Inner.AdminAddUserToGroupAsync(request, cancellationToken);
        if (Interlocked.Increment(ref _groupAdds) == afterAddToGroup)
        {
            crash.Trip();
        }

        Alive();
        return answer;
    }

    public override Task<AdminListGroupsForUserResponse> AdminListGroupsForUserAsync(AdminListGroupsForUserRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => base.AdminListGroupsForUserAsync(request, cancellationToken));

    public override Task<ListGroupsResponse> ListGroupsAsync(ListGroupsRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => base.ListGroupsAsync(request, cancellationToken));

    public override async Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default)
    {
        Alive();
        var answer = await Inner.AdminCreateUserAsync(request, cancellationToken);
        var created = Interlocked.Increment(ref _creates);
        onCreated?.Invoke(created);
        if (created == afterCreate)
        {
            crash.Trip();
        }

        Alive();
        return answer;
    }

    public override async Task<AdminSetUserPasswordResponse> AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken cancellationToken = default)
    {
        Alive();
        var answer = await Inner.AdminSetUserPasswordAsync(request, cancellationToken);
        if (Interlocked.Increment(ref _passwords) == afterSetPassword)
        {
            crash.Trip();
        }

        Alive();
        return answer;
    }

    public override Task<AdminInitiateAuthResponse> AdminInitiateAuthAsync(AdminInitiateAuthRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => base.AdminInitiateAuthAsync(request, cancellationToken));

    public override Task<AdminGetUserResponse> AdminGetUserAsync(AdminGetUserRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => base.AdminGetUserAsync(request, cancellationToken));

    public override Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => base.ListUsersAsync(request, cancellationToken));

    public override Task<AdminResetUserPasswordResponse> AdminResetUserPasswordAsync(AdminResetUserPasswordRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => base.AdminResetUserPasswordAsync(request, cancellationToken));

    public override Task<DescribeUserPoolResponse> DescribeUserPoolAsync(DescribeUserPoolRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => base.DescribeUserPoolAsync(request, cancellationToken));

    public override Task<UpdateUserPoolResponse> UpdateUserPoolAsync(UpdateUserPoolRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => base.UpdateUserPoolAsync(request, cancellationToken));

    public override Task<GetCSVHeaderResponse> GetCSVHeaderAsync(GetCSVHeaderRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => base.GetCSVHeaderAsync(request, cancellationToken));

    public override Task<CreateUserImportJobResponse> CreateUserImportJobAsync(CreateUserImportJobRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => base.CreateUserImportJobAsync(request, cancellationToken));

    public override Task<StartUserImportJobResponse> StartUserImportJobAsync(StartUserImportJobRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => base.StartUserImportJobAsync(request, cancellationToken));

    public override Task<DescribeUserImportJobResponse> DescribeUserImportJobAsync(DescribeUserImportJobRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => base.DescribeUserImportJobAsync(request, cancellationToken));

    private void Alive()
    {
        if (crash.Tripped)
        {
            throw new SimulatedCrashException();
        }
    }

    private Task<T> Alive<T>(Func<Task<T>> call)
    {
        Alive();
        return call();
    }

    public override Task<DescribeUserPoolClientResponse> DescribeUserPoolClientAsync(DescribeUserPoolClientRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => base.DescribeUserPoolClientAsync(request, cancellationToken));

    public override Task<ListUserPoolClientsResponse> ListUserPoolClientsAsync(ListUserPoolClientsRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => base.ListUserPoolClientsAsync(request, cancellationToken));
}
