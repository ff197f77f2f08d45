using Trigger.Aws.Cognito;
using Trigger.Testing.Decorators;

namespace Trigger.Cli.Tests.Commands.Sweep.Support;

/// <summary>Forwards every call and remembers the passwords the sweep sent, so a test can prove they went nowhere else.</summary>
internal sealed class PasswordRecorder(ICognitoIdentityProvider inner) : ForwardingCognito(inner)
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

    public override Task<AdminSetUserPasswordResponse> AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken cancellationToken = default)
    {
        lock (_passwords)
        {
            _passwords.Add(request.Password);
        }

        return Inner.AdminSetUserPasswordAsync(request, cancellationToken);
    }
}
