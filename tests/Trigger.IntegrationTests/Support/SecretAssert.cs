namespace Trigger.IntegrationTests.Support;

/// <summary>Checks that text a test could print (an exception, a request's ToString) holds none of the secrets used.</summary>
internal static class SecretAssert
{
    public static void Absent(string? text, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            // Not Assert.DoesNotContain: its failure message would print the secret.
            Assert.False(
                text is not null && text.Contains(secret, StringComparison.Ordinal),
                "A secret used by the test appears in text a log or test report could show.");
        }
    }

    public static void Absent(Exception exception, params string[] secrets)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Absent(exception.Message, secrets);
        Absent(exception.ToString(), secrets);
    }
}
