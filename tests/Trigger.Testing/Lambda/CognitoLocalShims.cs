using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trigger.Testing.Lambda;

/// <summary>
/// Applies the <see cref="CognitoLocalShim"/> rewrites to a UserMigration answer. Test support only:
/// each rewrite papers over a known cognito-local 5.3.0 gap so that tests through it see what real
/// Cognito would do with the function's answer, and each is reported so a test can assert on it.
/// </summary>
internal static class CognitoLocalShims
{
    private const string EmptyResponseType = "CognitoLocalShim.EmptyMigrationResponse";

    /// <summary>The rewritten invocation and the shim applied; the input and null when none applies.</summary>
    public static (LambdaInvocation Invocation, CognitoLocalShim? Applied) Apply(InvocationEvent triggerEvent, LambdaInvocation invocation)
    {
        // Only answers the runtime gave to a UserMigration event; an Invoke error is already what makes
        // cognito-local reject the sign-in (userMigration.js turns any invoke failure into NotAuthorized).
        if (triggerEvent.TriggerSource?.StartsWith("UserMigration_", StringComparison.Ordinal) != true
            || invocation.Status != LambdaInvocationStatus.Succeeded)
        {
            return (invocation, null);
        }

        JsonNode? answer;
        try
        {
            answer = JsonNode.Parse(invocation.Payload);
        }
        catch (JsonException)
        {
            // Not JSON: cognito-local already rejects it (InvalidLambdaResponseError, then NotAuthorized).
            return (invocation, null);
        }

        if (answer is not JsonObject root
            || root["response"] is not JsonObject response
            || response["userAttributes"] is not JsonObject attributes
            || attributes.Count == 0)
        {
            const string message =
                "The trigger returned no userAttributes: real Cognito rejects this sign-in, so the bridge answers " +
                "with a function error for cognito-local to reject it too.";
            return (invocation with
            {
                Status = LambdaInvocationStatus.FunctionError,
                ErrorType = EmptyResponseType,
                ErrorMessage = message,
                Payload = LambdaErrorDocument.Create(EmptyResponseType, message),
            }, CognitoLocalShim.EmptyResponseRejected);
        }

        var username = attributes["username"];
        if ((username is null || username.GetValueKind() != JsonValueKind.String || username.GetValue<string>().Length == 0)
            && !string.IsNullOrEmpty(triggerEvent.UserName))
        {
            attributes["username"] = triggerEvent.UserName;
            return (invocation with { Payload = root.ToJsonString() }, CognitoLocalShim.UsernameInjected);
        }

        return (invocation, null);
    }
}
