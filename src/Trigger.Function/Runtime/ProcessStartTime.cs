using System.Diagnostics;

namespace Trigger.Function.Runtime;

/// <summary>When this process started, by the operating system's record, so that runtime start-up before
/// <c>Main</c> counts too (a ReadyToRun build spends most of a cold start there on a small CPU share).</summary>
internal static class ProcessStartTime
{
    /// <summary>The process start on <paramref name="time"/>'s clock; <paramref name="time"/>'s now when the OS cannot tell.</summary>
    public static DateTimeOffset Read(TimeProvider time)
    {
        var now = time.GetUtcNow();
        try
        {
            using var self = Process.GetCurrentProcess();
            // The age by the system clock, applied to the injected one.
            var age = TimeProvider.System.GetUtcNow() - new DateTimeOffset(self.StartTime.ToUniversalTime(), TimeSpan.Zero);
            return age > TimeSpan.Zero ? now - age : now;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return now;
        }
    }
}
