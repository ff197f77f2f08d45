namespace Trigger.Function.Logging;

/// <summary>The levels of Lambda's advanced logging controls (<c>AWS_LAMBDA_LOG_LEVEL</c>).</summary>
internal enum LogLevel
{
    Trace,
    Debug,
    Info,
    Warn,
    Error,
    Fatal,
}
