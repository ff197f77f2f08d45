// TEST-ONLY Lambda custom runtime: never published, never shipped. It speaks the Lambda Runtime API
// (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html) just enough for the bridge tests:
//   any event               -> answered with the event itself
//   {"fail":true}           -> POST .../invocation/{id}/error
//   {"sleep":ms}            -> waits ms, then echoes
//   {"crash":true}          -> exits with code 3 in the middle of the invocation
//   {"print":"text"}        -> writes text to stdout and stderr, then echoes
//   {"env":"NAME"}          -> answers {"env": <value of NAME or null>}
//   {"pid":true}            -> answers {"pid": "<its process id>"}
//   ECHO_INIT_FAIL=message  -> POST .../init/error with that message and exit 2
//   ECHO_EXIT_CODE=n        -> exits with n at once, before any Runtime API call
// Every invocation also prints one line with the headers it received, for the tests to parse.
using System.Net.Http.Headers;
using System.Text.Json;

var runtimeApi = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
if (string.IsNullOrEmpty(runtimeApi))
{
    await Console.Error.WriteLineAsync("echo-runtime: AWS_LAMBDA_RUNTIME_API is not set.");
    return 1;
}

if (int.TryParse(Environment.GetEnvironmentVariable("ECHO_EXIT_CODE"), out var exitCode))
{
    await Console.Error.WriteLineAsync($"echo-runtime: exiting with {exitCode} as asked");
    return exitCode;
}

var baseUri = new Uri($"http://{runtimeApi}/2018-06-01/runtime/");
// The next call long-polls: the Runtime API docs say not to time it out.
using var http = new HttpClient { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };

var initFailure = Environment.GetEnvironmentVariable("ECHO_INIT_FAIL");
if (!string.IsNullOrEmpty(initFailure))
{
    using var initError = ErrorBody(initFailure, "EchoRuntime.InitFailed");
    using var posted = await http.PostAsync(new Uri("init/error", UriKind.Relative), initError);
    Console.WriteLine($"echo-runtime: init/error answered {(int)posted.StatusCode}");
    return 2;
}

Console.WriteLine("echo-runtime: ready");
while (true)
{
    using var next = await http.GetAsync(new Uri("invocation/next", UriKind.Relative));
    if (!next.IsSuccessStatusCode)
    {
        // 500 from the Runtime API means "container error, exit promptly".
        await Console.Error.WriteLineAsync($"echo-runtime: next answered {(int)next.StatusCode}, exiting.");
        return 1;
    }

    var requestId = Header(next, "Lambda-Runtime-Aws-Request-Id");
    Console.WriteLine(
        $"echo-runtime: invocation request-id={requestId} deadline-ms={Header(next, "Lambda-Runtime-Deadline-Ms")} " +
        $"function-arn={Header(next, "Lambda-Runtime-Invoked-Function-Arn")} trace-id={Header(next, "Lambda-Runtime-Trace-Id")}");
    var body = await next.Content.ReadAsByteArrayAsync();

    using var answer = await AnswerAsync(body);
    var path = answer.Headers.Contains("Lambda-Runtime-Function-Error-Type") ? "error" : "response";
    using var posted = await http.PostAsync(new Uri($"invocation/{requestId}/{path}", UriKind.Relative), answer);
    Console.WriteLine($"echo-runtime: {path} answered {(int)posted.StatusCode}");
}

static async Task<HttpContent> AnswerAsync(byte[] body)
{
    using var document = JsonDocument.Parse(body);
    var root = document.RootElement;
    if (root.ValueKind != JsonValueKind.Object)
    {
        return Json(body);
    }

    if (root.TryGetProperty("crash", out var crash) && crash.ValueKind == JsonValueKind.True)
    {
        Console.WriteLine("echo-runtime: crashing as asked");
        Environment.Exit(3);
    }

    if (root.TryGetProperty("fail", out var fail) && fail.ValueKind == JsonValueKind.True)
    {
        return ErrorBody("echo asked to fail", "EchoRuntime.AskedToFail");
    }

    if (root.TryGetProperty("sleep", out var sleep) && sleep.TryGetInt32(out var milliseconds))
    {
        await Task.Delay(milliseconds);
    }

    if (root.TryGetProperty("print", out var print) && print.ValueKind == JsonValueKind.String)
    {
        Console.WriteLine(print.GetString());
        await Console.Error.WriteLineAsync(print.GetString());
    }

    if (root.TryGetProperty("env", out var env) && env.ValueKind == JsonValueKind.String)
    {
        return Json(JsonObject(("env", Environment.GetEnvironmentVariable(env.GetString()!))));
    }

    if (root.TryGetProperty("pid", out var pid) && pid.ValueKind == JsonValueKind.True)
    {
        return Json(JsonObject(("pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    return Json(body);
}

static ByteArrayContent Json(byte[] body)
{
    var content = new ByteArrayContent(body);
    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    return content;
}

static ByteArrayContent ErrorBody(string message, string type)
{
    var content = Json(JsonObject(("errorMessage", message), ("errorType", type)));
    content.Headers.Add("Lambda-Runtime-Function-Error-Type", type);
    return content;
}

static byte[] JsonObject(params (string Name, string? Value)[] properties)
{
    using var buffer = new MemoryStream();
    using (var writer = new Utf8JsonWriter(buffer))
    {
        writer.WriteStartObject();
        foreach (var (name, value) in properties)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    }

    return buffer.ToArray();
}

static string Header(HttpResponseMessage response, string name) =>
    response.Headers.TryGetValues(name, out var values)
        ? string.Join(",", values)
        : "(missing)";
