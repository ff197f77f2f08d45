using Trigger.Aws.Cognito;

namespace Trigger.Cli.Tests.Sweep.Support;

/// <summary>
/// A client that stops dead when the <see cref="CrashSwitch"/> trips, and can trip it itself right after
/// the n-th AdminCreateUser (or AdminSetUserPassword) reached the pool: the remote write happened, the
/// process never learned it.
/// </summary>
internal sealed class CrashingCognito(ICognitoIdentityProvider inner, CrashSwitch crash, int? afterCreate = null, int? afterSetPassword = null, Action<int>? onCreated = null) : ICognitoIdentityProvider
{
    private int _creates;
    private int _passwords;

    public async Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default)
    {
        Alive();
        var answer = await inner.AdminCreateUserAsync(request, cancellationToken);
        var created = Interlocked.Increment(ref _creates);
        onCreated?.Invoke(created);
        if (created == afterCreate)
        {
            crash.Trip();
        }

        Alive();
        return answer;
    }

    public async Task<AdminSetUserPasswordResponse> AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken cancellationToken = default)
    {
        Alive();
        var answer = await inner.AdminSetUserPasswordAsync(request, cancellationToken);
        if (Interlocked.Increment(ref _passwords) == afterSetPassword)
        {
            crash.Trip();
        }

        Alive();
        return answer;
    }

    public Task<AdminInitiateAuthResponse> AdminInitiateAuthAsync(AdminInitiateAuthRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => inner.AdminInitiateAuthAsync(request, cancellationToken));

    public Task<AdminGetUserResponse> AdminGetUserAsync(AdminGetUserRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => inner.AdminGetUserAsync(request, cancellationToken));

    public Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => inner.ListUsersAsync(request, cancellationToken));

    public Task<AdminResetUserPasswordResponse> AdminResetUserPasswordAsync(AdminResetUserPasswordRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => inner.AdminResetUserPasswordAsync(request, cancellationToken));

    public Task<DescribeUserPoolResponse> DescribeUserPoolAsync(DescribeUserPoolRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => inner.DescribeUserPoolAsync(request, cancellationToken));

    public Task<UpdateUserPoolResponse> UpdateUserPoolAsync(UpdateUserPoolRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => inner.UpdateUserPoolAsync(request, cancellationToken));

    public Task<GetCSVHeaderResponse> GetCSVHeaderAsync(GetCSVHeaderRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => inner.GetCSVHeaderAsync(request, cancellationToken));

    public Task<CreateUserImportJobResponse> CreateUserImportJobAsync(CreateUserImportJobRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => inner.CreateUserImportJobAsync(request, cancellationToken));

    public Task<StartUserImportJobResponse> StartUserImportJobAsync(StartUserImportJobRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => inner.StartUserImportJobAsync(request, cancellationToken));

    public Task<DescribeUserImportJobResponse> DescribeUserImportJobAsync(DescribeUserImportJobRequest request, CancellationToken cancellationToken = default) =>
        Alive(() => inner.DescribeUserImportJobAsync(request, cancellationToken));

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

    public Task<DescribeUserPoolClientResponse> DescribeUserPoolClientAsync(DescribeUserPoolClientRequest request, CancellationToken cancellationToken = default)
    {
        Alive();
        return inner.DescribeUserPoolClientAsync(request, cancellationToken);
    }

    public Task<ListUserPoolClientsResponse> ListUserPoolClientsAsync(ListUserPoolClientsRequest request, CancellationToken cancellationToken = default)
    {
        Alive();
        return inner.ListUserPoolClientsAsync(request, cancellationToken);
    }
}
