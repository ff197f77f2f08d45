using Trigger.Testing.Lambda;

namespace Trigger.IntegrationTests.Support;

/// <summary>The function's stdout reaches the bridge through a pipe, a moment after its answer: wait for it, boundedly.</summary>
internal static class BridgeOutput
{
    public static async Task<bool> AppearsAsync(LambdaRuntimeBridge bridge, string text)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if (bridge.StandardOutput.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    /// <summary>Waits until every invocation so far has its log line, so a scan of the output sees all of it.</summary>
    public static async Task<bool> AllInvocationsLoggedAsync(LambdaRuntimeBridge bridge)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var logged = bridge.StandardOutput.Split("\"message\":\"invocation\"").Length - 1;
            if (logged >= bridge.Invocations)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
