namespace Trigger.Demo.App;

/// <summary>
/// The app-side pattern that carries passwords to a disaster-recovery standby while the primary is up
/// (docs/INFRA.md, "Carrying passwords ahead of a failover"). A password is seen only at a sign-in, so after a
/// <b>successful</b> sign-in on the primary the app signs the same user in to the standby in the background with
/// USER_PASSWORD_AUTH: the standby's UserMigration trigger checks the password against the primary and creates
/// the user with it. The user then keeps their password through a failover.
/// <para>
/// Cost: one more sign-in and one more monthly active user of the standby per user and month (and one
/// AdminInitiateAuth on the primary by the trigger); carry each user once (remember who was carried), not at
/// every sign-in. Rules: it never blocks or fails the user's real sign-in (started after the primary answered,
/// never awaited on the request path, its own short timeout, every error swallowed), and it never logs the
/// password, the request or the standby's answer: only the error's type.
/// </para>
/// </summary>
/// <param name="signInToStandby">
/// The standby sign-in: InitiateAuth USER_PASSWORD_AUTH on the standby's app client with the username and
/// password (with the AWS SDK, <c>InitiateAuthAsync</c> with <c>AuthFlow = USER_PASSWORD_AUTH</c>). It must drop
/// the tokens it gets: they are not used.
/// </param>
/// <param name="log">Where a failure is noted; it receives the error's type name only.</param>
/// <param name="timeout">How long the background sign-in may take before it is abandoned.</param>
internal sealed class StandbyCarryOver(Func<string, string, CancellationToken, Task> signInToStandby, Action<string> log, TimeSpan timeout)
{
    /// <summary>
    /// Starts carrying <paramref name="password"/> to the standby and returns at once. Call it only after the
    /// primary signed the user in. The task it returns never fails; it is there for shutdown and tests, and the
    /// request path must not await it.
    /// </summary>
    public Task Carry(string username, string password) => Task.Run(async () =>
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await signInToStandby(username, password, deadline.Token);
        }
#pragma warning disable CA1031 // Every failure is swallowed on purpose: the carry-over must never reach the user's sign-in.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // The type only: a service message may echo the request, and the request holds the password.
            log($"standby password carry-over failed: {e.GetType().Name}");
        }
    });
}
