using Trigger.Aws.Cognito;
using Trigger.Testing.Decorators;

namespace Trigger.Benchmarks.Sweep;

/// <summary>Forwards every call and notes when the first and the last successful AdminCreateUser happened, on the run's clock.</summary>
internal sealed class MeteredCognito(ICognitoIdentityProvider inner, TimeProvider time) : ForwardingCognito(inner)
{
    private readonly object _gate = new();

    public long Created { get; private set; }

    public DateTimeOffset? FirstCreated { get; private set; }

    public DateTimeOffset? LastCreated { get; private set; }

    public override async Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default)
    {
        var answer = await Inner.AdminCreateUserAsync(request, cancellationToken);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Created++;
            FirstCreated ??= now;
            LastCreated = now;
        }

        return answer;
    }
}
