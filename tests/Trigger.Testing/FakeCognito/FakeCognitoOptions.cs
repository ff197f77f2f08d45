namespace Trigger.Testing;

/// <summary>How to start a <see cref="FakeCognito"/>.</summary>
public sealed record FakeCognitoOptions
{
    /// <summary>Region used in pool ids and ARNs. Default us-east-1.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Account id used in ARNs. Default 123456789012.</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>Clock for timestamps, delays, quotas, lockouts and URL expiry. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How many DescribeUserImportJob calls after StartUserImportJob still report InProgress before the
    /// final status, so callers must poll. Default 1.
    /// </summary>
    public int ImportJobPollsBeforeCompletion { get; init; } = 1;

    /// <summary>
    /// Whether every call is kept in <see cref="FakeCognito.Calls"/>. Default true. A long benchmark turns it
    /// off and reads the exact counts of <see cref="FakeCognito.Answered"/>, which are kept either way.
    /// </summary>
    public bool KeepCallLog { get; init; } = true;
}
