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
            else if (command.StartsWith("seed ", StringComparison.Ordinal))
            {
                // seed <pool id> <users> <every n-th given_name changed, 0: none>: the sync benchmark's pools.
                var parts = command.Split(' ');
                var count = int.Parse(parts[2], CultureInfo.InvariantCulture);
                var changedEvery = int.Parse(parts[3], CultureInfo.InvariantCulture);
                fake.SeedUsers(parts[1], Enumerable.Range(0, count).Select(i => (
                    string.Create(CultureInfo.InvariantCulture, $"user{i:0000000}"),
                    (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
                    {
                        ["email"] = string.Create(CultureInfo.InvariantCulture, $"user{i:0000000}@example.com"),
                        ["email_verified"] = "true",
                        ["given_name"] = changedEvery > 0 && i % changedEvery == 0 ? "Changed" : "Given",
                    })));
                Console.WriteLine("SEEDED " + parts[1]);
            }
            else if (command == "sync-stats")
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"STATS listUsers={fake.Answered("ListUsers")} updates={fake.Answered("AdminUpdateUserAttributes")} reads={fake.Answered("AdminGetUser")} created={fake.Answered("AdminCreateUser")} passwordsSet={fake.Answered("AdminSetUserPassword")}"));
            }
            else if (command == "quit")
            {
                break;
            }
        }

        return 0;
    }
}
