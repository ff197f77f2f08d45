using System.Globalization;
using Trigger.Testing;

namespace Trigger.Benchmarks.Sweep;

/// <summary>
/// The child process that serves the FakeCognito, so its memory (a million users, the call log) is not
/// counted in the sweep's RSS. It prints its endpoint, applies the quotas on the shared time scale, and
/// keeps no call log: it reports the fake's exact answer counts.
/// </summary>
internal static class FakeHost
{
    public static async Task<int> ServeAsync(double scale, IReadOnlyDictionary<string, int> quotas)
    {
        var time = new ScaledTimeProvider(scale);
        await using var fake = await FakeCognito.StartAsync(new FakeCognitoOptions { TimeProvider = time, KeepCallLog = false });
        foreach (var (operation, perSecond) in quotas)
        {
            fake.Faults.SetQuota(operation, perSecond);
        }

        Console.WriteLine("ENDPOINT " + fake.Endpoint);
        while (await Console.In.ReadLineAsync() is { } command)
        {
            if (command == "stats")
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"STATS created={fake.Answered("AdminCreateUser")} usernameExists={fake.Answered("AdminCreateUser", "UsernameExistsException")} passwordsSet={fake.Answered("AdminSetUserPassword")} throttled={fake.Answered("AdminCreateUser", "TooManyRequestsException") + fake.Answered("AdminSetUserPassword", "TooManyRequestsException")}"));
            }
            else if (command == "quit")
            {
                break;
            }
        }

        return 0;
    }
}
