using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SakipServerless.Api.Tests.Faults.Support;

/// <summary>
/// Drives many runs through their <see cref="RunScript"/> over HTTP against a backend that may die at any moment.
/// Each command carries its own Idempotency-Key; when the answer does not arrive (connection refused or cut) the
/// outcome is unknown, so the same command is sent again with the same key once the backend is back, exactly as a
/// client should. The ledger records what was acknowledged and what was in flight.
/// </summary>
public sealed class CrashDriver(Uri baseAddress, IReadOnlyList<ScriptedRun> runs)
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
    {
        BaseAddress = baseAddress,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _anomalies = new();
    private TaskCompletionSource _restarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _acknowledged;
    private int _retries;

    public IReadOnlyList<ScriptedRun> Runs { get; } = runs;

    /// <summary>Commands answered with success so far.</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Commands sent again after their answer was lost.</summary>
    public int Retries => Volatile.Read(ref _retries);

    /// <summary>Answers no client should ever get (5xx, an unexpected status, a version out of sequence).</summary>
    public IReadOnlyCollection<string> Anomalies => _anomalies;

    /// <summary>Wakes the workers waiting for the backend to come back.</summary>
    public void BackendRestarted() => Interlocked.Exchange(ref _restarted, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Drives every run to its end with <paramref name="workers"/> runs in flight at a time.</summary>
    public async Task RunAsync(int workers, CancellationToken ct)
    {
        var queue = new ConcurrentQueue<ScriptedRun>(Runs);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var run))
            {
                await DriveAsync(run, ct);
            }
        }, ct)));
    }

    private async Task DriveAsync(ScriptedRun run, CancellationToken ct)
    {
        while (run.Next < run.Script.Count)
        {
            int index = run.Next;
            var command = run.Script[index];
            string key = run.KeyOf(index);
            var restarted = Volatile.Read(ref _restarted).Task;
            run.InFlight = new InFlightCommand(run, index, key, run.AckedVersion);
            var (status, body) = await TrySendAsync(run, command, key, ct);
            if (status is null)
            {
                // The answer is lost: the command may or may not have been applied. Same key again once the backend is back.
                Interlocked.Increment(ref _retries);
                await Task.WhenAny(restarted, Task.Delay(TimeSpan.FromSeconds(2), ct));
                continue;
            }

            if (status == HttpStatusCode.Unauthorized)
            {
                _tokens.TryRemove(command.UserId, out _);
                run.InFlight = null;
                continue;
            }

            var expected = index == 0 ? HttpStatusCode.Created : HttpStatusCode.OK;
            if (status != expected)
            {
                _anomalies.Enqueue($"{key} {command.Name}: {(int)status} {body}");
                run.InFlight = null;
                return;
            }

            using var doc = JsonDocument.Parse(body!);
            int version = doc.RootElement.GetProperty("version").GetInt32();
            if (version != index + 1)
            {
                _anomalies.Enqueue($"{key} {command.Name}: answered version {version}, expected {index + 1}");
            }

            run.RunId ??= doc.RootElement.GetProperty("id").GetString();
            run.AckedVersion = version;
            run.Next = index + 1;
            run.InFlight = null;
            Interlocked.Increment(ref _acknowledged);
        }
    }

    private async Task<(HttpStatusCode? Status, string? Body)> TrySendAsync(ScriptedRun run, ScriptCommand command, string key, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            string token = await TokenAsync(command.UserId, timeout.Token);
            using var request = new HttpRequestMessage(HttpMethod.Post, command.Url(run.RunId ?? "")) { Content = JsonContent.Create(command.Body(run.Period)) };
            request.Headers.Add("Idempotency-Key", key);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await _http.SendAsync(request, timeout.Token);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token));
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return (null, null);
        }
    }

    private async Task<string> TokenAsync(string userId, CancellationToken ct)
    {
        if (_tokens.TryGetValue(userId, out var token))
        {
            return token;
        }

        using var response = await _http.PostAsJsonAsync("api/dev/token", new { tenantId = FaultWorld.Tenant, userId }, ct);
        response.EnsureSuccessStatusCode();
        token = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
        _tokens[userId] = token;
        return token;
    }
}
