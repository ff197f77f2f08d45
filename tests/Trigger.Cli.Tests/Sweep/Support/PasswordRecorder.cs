using Trigger.Aws.Cognito;

namespace Trigger.Cli.Tests.Sweep.Support;

/// <summary>Forwards every call and remembers the passwords the sweep sent, so a test can prove they went nowhere else.</summary>
internal sealed class PasswordRecorder(ICognitoIdentityProvider inner) : ICognitoIdentityProvider
{
    private readonly List<string> _passwords = [];

    public IReadOnlyList<string> Passwords
    {
        get
        {
            lock (_passwords)
            {
                return [.. _passwords];
            }
        }
    }

    public Task<AdminSetUserPasswordResponse> AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken cancellationToken = default)
    {
        lock (_passwords)
        {
            _passwords.Add(request.Password);
        }

        return inner.AdminSetUserPasswordAsync(request, cancellationToken);
    }

    public Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default) => inner.AdminCreateUserAsync(request, cancellationToken);

    public Task<AdminInitiateAuthResponse> AdminInitiateAuthAsync(AdminInitiateAuthRequest request, CancellationToken cancellationToken = default) => inner.AdminInitiateAuthAsync(request, cancellationToken);

    public Task<AdminGetUserResponse> AdminGetUserAsync(AdminGetUserRequest request, CancellationToken cancellationToken = default) => inner.AdminGetUserAsync(request, cancellationToken);

    public Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken cancellationToken = default) => inner.ListUsersAsync(request, cancellationToken);

    public Task<AdminResetUserPasswordResponse> AdminResetUserPasswordAsync(AdminResetUserPasswordRequest request, CancellationToken cancellationToken = default) => inner.AdminResetUserPasswordAsync(request, cancellationToken);

    public Task<DescribeUserPoolResponse> DescribeUserPoolAsync(DescribeUserPoolRequest request, CancellationToken cancellationToken = default) => inner.DescribeUserPoolAsync(request, cancellationToken);

    public Task<UpdateUserPoolResponse> UpdateUserPoolAsync(UpdateUserPoolRequest request, CancellationToken cancellationToken = default) => inner.UpdateUserPoolAsync(request, cancellationToken);

    public Task<GetCSVHeaderResponse> GetCSVHeaderAsync(GetCSVHeaderRequest request, CancellationToken cancellationToken = default) => inner.GetCSVHeaderAsync(request, cancellationToken);

    public Task<CreateUserImportJobResponse> CreateUserImportJobAsync(CreateUserImportJobRequest request, CancellationToken cancellationToken = default) => inner.CreateUserImportJobAsync(request, cancellationToken);

    public Task<StartUserImportJobResponse> StartUserImportJobAsync(StartUserImportJobRequest request, CancellationToken cancellationToken = default) => inner.StartUserImportJobAsync(request, cancellationToken);

    public Task<DescribeUserImportJobResponse> DescribeUserImportJobAsync(DescribeUserImportJobRequest request, CancellationToken cancellationToken = default) => inner.DescribeUserImportJobAsync(request, cancellationToken);
}
