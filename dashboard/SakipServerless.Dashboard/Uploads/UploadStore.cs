using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SakipServerless.Dashboard.Hosting;

namespace SakipServerless.Dashboard.Uploads;

/// <summary>
/// Keeps unfinished uploads on the dashboard's disk, one folder per upload (the data file and its session), so that a
/// browser whose connection dropped asks how much arrived and continues from there. A chunk is appended only at the
/// offset the store already has, which makes a resent chunk harmless. Finished files are forwarded to the backend
/// and deleted; abandoned ones expire.
/// </summary>
/// <remarks>
/// Local disk means an upload must finish on the instance that started it; App Service's ARR affinity cookie keeps a
/// browser on one instance. The backend's own limits and checks (size, type by magic bytes) apply when it is forwarded.
/// </remarks>
public sealed class UploadStore
{
    private readonly string _root;
    private readonly UploadOptions _options;
    private readonly TimeProvider _clock;

    public UploadStore(IOptions<DashboardOptions> options, TimeProvider clock)
    {
        _options = options.Value.Upload;
        _clock = clock;
        _root = string.IsNullOrWhiteSpace(_options.TempFolder) ? Path.Combine(Path.GetTempPath(), "sakip-dashboard-uploads") : _options.TempFolder;
        Directory.CreateDirectory(_root);
    }

    public UploadOptions Options => _options;

    public UploadSession Create(string userKey, string runId, string fileName, string? contentType, long size)
    {
        RemoveExpired();
        var session = new UploadSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), userKey, runId, fileName, contentType, size, _clock.GetUtcNow());
        string folder = Folder(session.Id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "session.json"), JsonSerializer.Serialize(session));
        File.Create(DataPath(session.Id)).Dispose();
        return session;
    }

    /// <summary>The session if it exists and belongs to <paramref name="userKey"/>; another user's id looks like a missing one.</summary>
    public UploadSession? Find(string id, string userKey)
    {
        if (id.Length != 32 || !id.All(Uri.IsHexDigit))
        {
            return null;
        }

        string file = Path.Combine(Folder(id), "session.json");
        if (!File.Exists(file))
        {
            return null;
        }

        var session = JsonSerializer.Deserialize<UploadSession>(File.ReadAllText(file));
        return session?.UserKey == userKey ? session : null;
    }

    public long Received(UploadSession session) => new FileInfo(DataPath(session.Id)).Length;

    /// <summary>Appends a chunk that starts at <paramref name="offset"/>; returns the bytes now held, or null when the offset is not the end.</summary>
    public async Task<long?> AppendAsync(UploadSession session, long offset, Stream chunk, CancellationToken ct)
    {
        await using var data = new FileStream(DataPath(session.Id), FileMode.Open, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        if (data.Length != offset)
        {
            return null;
        }

        data.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[81920];
        long limit = session.Size - offset;
        long written = 0;
        int read;
        while ((read = await chunk.ReadAsync(buffer, ct)) > 0)
        {
            if (written + read > limit)
            {
                // More than the declared size: keep what was there before this chunk.
                data.SetLength(offset);
                throw new InvalidDataException("Data melebihi ukuran berkas yang diumumkan.");
            }

            await data.WriteAsync(buffer.AsMemory(0, read), ct);
            written += read;
        }

        await data.FlushAsync(ct);
        return data.Length;
    }

    public Stream OpenRead(UploadSession session) =>
        new FileStream(DataPath(session.Id), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(string id)
    {
        try
        {
            Directory.Delete(Folder(id), recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }

    private void RemoveExpired()
    {
        var cutoff = _clock.GetUtcNow().UtcDateTime.AddHours(-_options.ExpireHours);
        foreach (var dir in Directory.EnumerateDirectories(_root))
        {
            if (Directory.GetLastWriteTimeUtc(dir) < cutoff)
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (IOException)
                {
                    // In use by a request right now; the next sweep takes it.
                }
            }
        }
    }

    private string Folder(string id) => Path.Combine(_root, id);

    private string DataPath(string id) => Path.Combine(Folder(id), "data");
}
