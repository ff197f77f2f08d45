namespace Trigger.Testing.Lambda;

/// <summary>
/// The Cognito-local fidelity shims: rewrites of a UserMigration answer that make cognito-local 5.3.0
/// behave like real Cognito where it is known not to (see <c>CognitoLocal/EMULATOR-NOTES.md</c>). They live
/// only in this test support code; the product never sees them.
/// </summary>
public enum CognitoLocalShim
{
    /// <summary>
    /// The answer had <c>userAttributes</c> without <c>username</c>; the bridge added
    /// <c>username = event.userName</c>. Real Cognito names the new user with the typed name, while
    /// cognito-local uses <c>userAttributes.username</c> or else a random UUID
    /// (<c>lib/services/triggers/userMigration.js</c>, the <c>Username:</c> line).
    /// </summary>
    UsernameInjected,

    /// <summary>
    /// The answer had no (or empty) <c>response.userAttributes</c>; the bridge turned it into a function
    /// error. Real Cognito rejects the sign-in (<c>NotAuthorizedException</c>, or the generic failure with
    /// PreventUserExistenceErrors), while cognito-local creates a user with no attributes for an empty
    /// response and fails with a 500 for one without <c>response</c>. An Invoke function error is what
    /// makes cognito-local reject (<c>lambda.js</c> throws <c>UserLambdaValidationError</c>,
    /// <c>userMigration.js</c> turns any invoke failure into <c>NotAuthorizedError</c>).
    /// </summary>
    EmptyResponseRejected,
}
