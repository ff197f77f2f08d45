namespace Trigger.Demo.Report;

/// <summary>A little colour on a terminal; none when the output is redirected or NO_COLOR is set (no-color.org).</summary>
internal static class Paint
{
    private static readonly bool _enabled =
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public static string Green(string text) => Wrap("32", text);

    public static string Red(string text) => Wrap("31", text);

    public static string Yellow(string text) => Wrap("33", text);

    public static string Dim(string text) => Wrap("2", text);

    public static string Bold(string text) => Wrap("1", text);

    private static string Wrap(string code, string text) => _enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
