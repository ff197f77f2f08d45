using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Trigger.Cli.Tests.Support;

/// <summary>
/// Sits between the tool and a local endpoint and lets a test change one operation's answers, for
/// what neither cognito-local nor the fake can be told to do (a pool setting from the future, a pool
/// that changes under the tool's feet). Requests pass through untouched.
/// </summary>
internal sealed class AnswerRewriter(Func<string, JsonObject, bool> rewrite) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _updates;

    /// <summary>How many UpdateUserPool calls went through.</summary>
    public int Updates => _updates;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.Single() : string.Empty;
        var operation = target[(target.LastIndexOf('.') + 1)..];
        if (operation == "UpdateUserPool")
        {
            Interlocked.Increment(ref _updates);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return response;
        }

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject ?? [];
        if (rewrite(operation, answer))
        {
            var content = new StringContent(answer.ToJsonString(), Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
            response.Content = content;
        }

        return response;
    }
}
