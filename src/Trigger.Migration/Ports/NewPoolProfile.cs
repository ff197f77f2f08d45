using Trigger.Contract;
using Trigger.Migration.Decisions;

namespace Trigger.Migration.Ports;

/// <summary>
/// What the function learns of the new pool from the pool itself (DescribeUserPool), once per pool: how it
/// compares names, which custom attributes its schema has, which attributes it takes as sign-in names, and
/// its password policy.
/// </summary>
public sealed record NewPoolProfile
{
    /// <summary>How the new pool compares names.</summary>
    public required NameRule Names { get; init; }

    /// <summary>The custom (and developer-only) attributes of its schema, e.g. <c>custom:tenant</c>.</summary>
    public required IReadOnlySet<string> CustomAttributes { get; init; }

    /// <summary>Its alias and username attributes (email, phone_number, preferred_username), in that order, each once.</summary>
    public required IReadOnlyList<string> SignInAttributes { get; init; }

    /// <summary>Its password policy; null when the pool reports none.</summary>
    public PasswordPolicy? PasswordPolicy { get; init; }
}
