using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SakipServerless.Api.Tests.Notifications;

/// <summary>
/// A messaging gateway on 127.0.0.1 (HttpListener on a free port) that answers each POST as the test scripts it,
/// by the attempt number of the event, and records every request it received.
/// </summary>
public sealed class FakeGateway : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<int, GatewayReply> _reply;
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly ConcurrentQueue<GatewayRequest> _requests = new();
    private readonly Task _loop;

    /// <param name="reply">The answer to the n-th request (1-based) carrying the same event id.</param>
    public FakeGateway(Func<int, GatewayReply> reply)
    {
        _reply = reply;
        (_listener, Url) = Listen();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public IReadOnlyList<GatewayRequest> Requests => [.. _requests];

    /// <summary>An address where nothing listens: connecting is refused at once.</summary>
    public static string UnreachableUrl() => $"http://127.0.0.1:{FreePort()}/hook";

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // The listener was closed under a pending GetContextAsync.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            string body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers;
            string eventId = headers["X-Sakip-Event-Id"] ?? "";
            int attempt = _attempts.AddOrUpdate(eventId, 1, (_, n) => n + 1);
            _requests.Enqueue(new GatewayRequest(eventId, headers["Idempotency-Key"], headers["X-Sakip-Attempt"], headers["X-Sakip-Signature"],
                context.Request.ContentType, body));

            var reply = _reply(attempt);
            context.Response.StatusCode = reply.Status;
            if (reply.RetryAfter is not null)
            {
                context.Response.AddHeader("Retry-After", reply.RetryAfter);
            }

            context.Response.Close();
        }
    }

    private static (HttpListener, string) Listen()
    {
        for (int tries = 0; ; tries++)
        {
            string url = $"http://127.0.0.1:{FreePort()}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return (listener, url + "hook");
            }
            catch (HttpListenerException) when (tries < 5)
            {
                listener.Close(); // another process took the port between probe and bind
            }
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
