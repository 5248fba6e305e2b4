using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>
/// Sits between a storage client and the network and injects the faults its <see cref="Schedule"/> decides:
/// throttling and unavailability answered in the server's place, hangs, connection resets before or after the
/// server applied the request, and request bodies cut mid-way. Plugged into the Cosmos SDK through
/// <c>CosmosClientOptions.HttpClientFactory</c> and into Azure.Core through <c>HttpClientTransport</c>.
/// </summary>
public sealed class FaultInjectingHandler : DelegatingHandler
{
    private readonly List<InjectedFault> _injected = [];
    private int _requests;

    public FaultInjectingHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>Swapped by a test between phases (faults on while driving, off while auditing).</summary>
    public FaultSchedule Schedule { get; set; } = FaultSchedule.None;

    /// <summary>How long a hung request waits before it fails as a timeout, when the caller does not give up sooner.</summary>
    public TimeSpan HangTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many requests went through the handler, faulted or not.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public IReadOnlyList<InjectedFault> Injected
    {
        get
        {
            lock (_injected)
            {
                return [.. _injected];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int number = Interlocked.Increment(ref _requests);
        var fault = Schedule.Decide(request);
        if (fault is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        lock (_injected)
        {
            _injected.Add(new InjectedFault(number, request.Method.Method, request.RequestUri!.PathAndQuery, fault));
        }

        switch (fault.Kind)
        {
            case FaultKind.Throttle:
                var throttled = Answer(request, (HttpStatusCode)429, "TooManyRequests");
                throttled.Headers.TryAddWithoutValidation("x-ms-retry-after-ms", fault.RetryAfter.TotalMilliseconds.ToString(CultureInfo.InvariantCulture));
                throttled.Headers.RetryAfter = new RetryConditionHeaderValue(fault.RetryAfter);
                return throttled;
            case FaultKind.Unavailable:
                return Answer(request, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
            case FaultKind.Hang:
                await Task.Delay(HangTimeout, cancellationToken);
                throw new TaskCanceledException($"No answer within {HangTimeout.TotalMilliseconds} ms (injected hang).", new TimeoutException());
            case FaultKind.ResetBeforeServer:
                throw Reset("before the request reached the server");
            case FaultKind.ResetAfterServer:
                using (var applied = await base.SendAsync(request, cancellationToken))
                {
                    await applied.Content.LoadIntoBufferAsync(cancellationToken);
                }

                throw Reset("after the server answered; the answer is lost");
            case FaultKind.CutBody:
                request.Content = new CuttingContent(request.Content ?? new ByteArrayContent([]), fault.CutAfterBytes);
                using (await base.SendAsync(request, cancellationToken))
                {
                    // The server answered before reading the whole body: the connection still goes down.
                }

                throw Reset("mid-body");
            default:
                throw new InvalidOperationException($"Unknown fault {fault.Kind}.");
        }
    }

    private static HttpResponseMessage Answer(HttpRequestMessage request, HttpStatusCode status, string code) => new(status)
    {
        RequestMessage = request,
        Content = new StringContent($$"""{"code":"{{code}}","message":"Injected {{(int)status}}."}""", Encoding.UTF8, "application/json"),
        Headers = { { "x-ms-error-code", code }, { "x-ms-activity-id", Guid.NewGuid().ToString() } },
    };

    private static HttpRequestException Reset(string when) =>
        new(HttpRequestError.ConnectionError, $"Connection reset {when} (injected).", new IOException("Connection reset by peer (injected)."));
}
