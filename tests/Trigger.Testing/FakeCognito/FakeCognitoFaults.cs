using System.Text.Json.Nodes;

namespace Trigger.Testing;

/// <summary>
/// The fault script of a <see cref="FakeCognito"/>: per operation (or <c>"*"</c> for any), optionally
/// only for requests a predicate picks, throttle, fail with 500, answer a chosen error, or delay the
/// next calls; and a fixed per-operation quota (requests per second on the fake's TimeProvider).
/// Rules are consumed in the order they were added. Throttling answers 400 TooManyRequestsException
/// (Secrets Manager: ThrottlingException), failing answers 500 InternalErrorException
/// (Secrets Manager: InternalServiceError).
/// </summary>
public sealed class FakeCognitoFaults
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = [];
    private readonly Dictionary<string, int> _quotas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    internal FakeCognitoFaults(TimeProvider time) => _time = time;

    /// <summary>The next <paramref name="times"/> matching calls answer 400 TooManyRequestsException.</summary>
    public void ThrottleNext(string operation, int times = 1, Func<JsonObject, bool>? when = null) =>
        Add(operation, times, when, new FaultRule { Kind = FaultKind.Throttle });

    /// <summary>The next <paramref name="times"/> matching calls answer 500 InternalErrorException.</summary>
    public void FailNext(string operation, int times = 1, Func<JsonObject, bool>? when = null) =>
        Add(operation, times, when, new FaultRule { Kind = FaultKind.InternalError });

    /// <summary>
    /// The next <paramref name="times"/> matching calls are carried out, then answer 500 InternalErrorException:
    /// the write happened, the caller never learned it (a lost answer, as after a timeout); a retry meets the result.
    /// </summary>
    public void LoseAnswerNext(string operation, int times = 1, Func<JsonObject, bool>? when = null) =>
        Add(operation, times, when, new FaultRule { Kind = FaultKind.LoseAnswer });

    /// <summary>The next <paramref name="times"/> matching calls answer the given error (e.g. NotAuthorizedException "Password attempts exceeded").</summary>
    public void RespondNext(string operation, int times, string errorType, string message, int statusCode = 400, Func<JsonObject, bool>? when = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorType);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        Add(operation, times, when, new FaultRule { Kind = FaultKind.Custom, ErrorType = errorType, Message = message, StatusCode = statusCode });
    }

    /// <summary>
    /// The next <paramref name="times"/> matching calls wait <paramref name="delay"/> (on the fake's
    /// TimeProvider) before being handled; a caller that gives up aborts the wait.
    /// </summary>
    public void DelayNext(string operation, TimeSpan delay, int times = 1, Func<JsonObject, bool>? when = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Add(operation, times, when, new FaultRule { Kind = FaultKind.Delay, Delay = delay });
    }

    /// <summary>Every matching call waits <paramref name="delay"/> until <see cref="Clear"/>.</summary>
    public void DelayEvery(string operation, TimeSpan delay, Func<JsonObject, bool>? when = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Add(operation, int.MaxValue, when, new FaultRule { Kind = FaultKind.Delay, Delay = delay, Forever = true });
    }

    /// <summary>
    /// At most <paramref name="requestsPerSecond"/> calls of <paramref name="operation"/> in any one-second
    /// window; calls beyond it are throttled (and do not count).
    /// </summary>
    public void SetQuota(string operation, int requestsPerSecond)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerSecond, 1);
        lock (_gate)
        {
            _quotas[operation] = requestsPerSecond;
            _recent[operation] = new Queue<DateTimeOffset>();
        }
    }

    /// <summary>Removes every rule and quota.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _quotas.Clear();
            _recent.Clear();
        }
    }

    internal FaultDecision Decide(string operation, JsonObject request)
    {
        lock (_gate)
        {
            if (OverQuota(operation))
            {
                return new FaultDecision(TimeSpan.Zero, new FaultRule { Kind = FaultKind.Throttle });
            }

            var delay = TimeSpan.Zero;
            FaultRule? error = null;
            foreach (var rule in _rules.ToList())
            {
                if (rule.Operation != "*" && rule.Operation != operation)
                {
                    continue;
                }

                if (rule.Kind != FaultKind.Delay && error is not null)
                {
                    continue;
                }

                if (rule.When is not null && !rule.When(request))
                {
                    continue;
                }

                if (rule.Kind == FaultKind.Delay)
                {
                    delay += rule.Delay;
                }
                else
                {
                    error = rule;
                }

                if (!rule.Forever && --rule.Remaining == 0)
                {
                    _rules.Remove(rule);
                }
            }

            return new FaultDecision(delay, error);
        }
    }

    private bool OverQuota(string operation)
    {
        if (!_quotas.TryGetValue(operation, out var limit))
        {
            return false;
        }

        var now = _time.GetUtcNow();
        var recent = _recent[operation];
        while (recent.Count > 0 && now - recent.Peek() >= TimeSpan.FromSeconds(1))
        {
            recent.Dequeue();
        }

        if (recent.Count >= limit)
        {
            return true;
        }

        recent.Enqueue(now);
        return false;
    }

    private void Add(string operation, int times, Func<JsonObject, bool>? when, FaultRule rule)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        rule.Operation = operation;
        rule.Remaining = times;
        rule.When = when;
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }
}
