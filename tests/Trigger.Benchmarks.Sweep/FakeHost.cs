using System.Globalization;
using Trigger.Testing;

namespace Trigger.Benchmarks.Sweep;

/// <summary>
/// The child process that serves the FakeCognito, so its memory (a million users, the call log) is not
/// counted in the sweep's RSS. It prints its endpoint, applies the quotas on the shared time scale, and
/// keeps the call log short while counting what matters.
/// </summary>
internal static class FakeHost
{
    public static async Task<int> ServeAsync(double scale, IReadOnlyDictionary<string, int> quotas)
    {
        var time = new ScaledTimeProvider(scale);
        await using var fake = await FakeCognito.StartAsync(new FakeCognitoOptions { TimeProvider = time });
        foreach (var (operation, perSecond) in quotas)
        {
            fake.Faults.SetQuota(operation, perSecond);
        }

        long createdOk = 0, usernameExists = 0, throttled = 0;
        var counting = Task.Run(async () =>
        {
            while (true)
            {
                await Task.Delay(250);
                var calls = fake.Calls;
                fake.ClearCalls();

                // Calls still in flight when the log is cleared are not counted: the figures are a sample.
                createdOk += calls.Count(c => c.Operation == "AdminCreateUser" && c.StatusCode == 200);
                usernameExists += calls.Count(c => c.ErrorType == "UsernameExistsException");
                throttled += calls.Count(c => c.ErrorType == "TooManyRequestsException");
            }
        });

        Console.WriteLine("ENDPOINT " + fake.Endpoint);
        while (await Console.In.ReadLineAsync() is { } command)
        {
            if (command == "stats")
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"STATS createdOk={createdOk} usernameExists={usernameExists} throttled={throttled}"));
            }
            else if (command == "quit")
            {
                break;
            }
        }

        return 0;
    }
}
