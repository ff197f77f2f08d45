namespace Trigger.Testing.Lambda;

/// <summary>One application of a <see cref="CognitoLocalShim"/>, for tests to assert on.</summary>
/// <param name="RequestId">The invocation whose answer was rewritten.</param>
/// <param name="Shim">What was rewritten.</param>
public sealed record CognitoLocalShimApplication(string RequestId, CognitoLocalShim Shim);
