using System.Text.Json.Nodes;
using Trigger.Testing.Lambda;

namespace Trigger.Benchmarks;

/// <summary>
/// Every measured invocation must be a real, successful migration: a figure for an error path (an init
/// failure, a refusal, a timeout) would measure something else and is never reported.
/// </summary>
internal static class MigrationCheck
{
    /// <exception cref="InvalidOperationException">The invocation did not migrate the user; the message says how it ended.</exception>
    public static void Ensure(LambdaInvocation invocation, FunctionFlavour flavour)
    {
        if (invocation.Status != LambdaInvocationStatus.Succeeded)
        {
            throw new InvalidOperationException(
                $"The {flavour.Name} function did not answer the sign-in: {invocation.Status} {invocation.ErrorType}: {invocation.ErrorMessage}");
        }

        var status = JsonNode.Parse(invocation.Payload)?["response"]?["finalUserStatus"]?.GetValue<string>();
        if (status != "CONFIRMED")
        {
            throw new InvalidOperationException(
                $"The {flavour.Name} function answered the sign-in without migrating the user (finalUserStatus {status ?? "missing"}).");
        }
    }
}
