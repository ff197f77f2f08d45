using Trigger.Aws.Cognito;

namespace Trigger.Benchmarks.Sweep;

/// <summary>Forwards every call and notes when the first and the last successful AdminCreateUser happened, on the run's clock.</summary>
internal sealed class MeteredCognito(ICognitoIdentityProvider inner, TimeProvider time) : ICognitoIdentityProvider
{
    private readonly object _gate = new();

    public long Created { get; private set; }

    public DateTimeOffset? FirstCreated { get; private set; }

    public DateTimeOffset? LastCreated { get; private set; }

    public async Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default)
    {
        var answer = await inner.AdminCreateUserAsync(request, cancellationToken);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Created++;
            FirstCreated ??= now;
            LastCreated = now;
        }

        return answer;
    }

    public Task<AdminInitiateAuthResponse> AdminInitiateAuthAsync(AdminInitiateAuthRequest request, CancellationToken cancellationToken = default) => inner.AdminInitiateAuthAsync(request, cancellationToken);

    public Task<AdminGetUserResponse> AdminGetUserAsync(AdminGetUserRequest request, CancellationToken cancellationToken = default) => inner.AdminGetUserAsync(request, cancellationToken);

    public Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken cancellationToken = default) => inner.ListUsersAsync(request, cancellationToken);

    public Task<AdminSetUserPasswordResponse> AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken cancellationToken = default) => inner.AdminSetUserPasswordAsync(request, cancellationToken);

    public Task<AdminResetUserPasswordResponse> AdminResetUserPasswordAsync(AdminResetUserPasswordRequest request, CancellationToken cancellationToken = default) => inner.AdminResetUserPasswordAsync(request, cancellationToken);

    public Task<DescribeUserPoolResponse> DescribeUserPoolAsync(DescribeUserPoolRequest request, CancellationToken cancellationToken = default) => inner.DescribeUserPoolAsync(request, cancellationToken);

    public Task<UpdateUserPoolResponse> UpdateUserPoolAsync(UpdateUserPoolRequest request, CancellationToken cancellationToken = default) => inner.UpdateUserPoolAsync(request, cancellationToken);

    public Task<GetCSVHeaderResponse> GetCSVHeaderAsync(GetCSVHeaderRequest request, CancellationToken cancellationToken = default) => inner.GetCSVHeaderAsync(request, cancellationToken);

    public Task<CreateUserImportJobResponse> CreateUserImportJobAsync(CreateUserImportJobRequest request, CancellationToken cancellationToken = default) => inner.CreateUserImportJobAsync(request, cancellationToken);

    public Task<StartUserImportJobResponse> StartUserImportJobAsync(StartUserImportJobRequest request, CancellationToken cancellationToken = default) => inner.StartUserImportJobAsync(request, cancellationToken);

    public Task<DescribeUserImportJobResponse> DescribeUserImportJobAsync(DescribeUserImportJobRequest request, CancellationToken cancellationToken = default) => inner.DescribeUserImportJobAsync(request, cancellationToken);
}
