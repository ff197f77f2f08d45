namespace Trigger.Testing;

/// <summary>What <see cref="FakeCognito.ListUsersPageSize"/> is told about one ListUsers call.</summary>
/// <param name="UserPoolId">The pool listed.</param>
/// <param name="Limit">The caller's Limit (60 when absent).</param>
/// <param name="IsFirstPage">False when the call carried a PaginationToken.</param>
public sealed record ListUsersPageRequest(string UserPoolId, int Limit, bool IsFirstPage);
