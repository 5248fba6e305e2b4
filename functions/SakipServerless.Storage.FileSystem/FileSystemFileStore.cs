using System.Text.RegularExpressions;
using SakipServerless.Core.Storage;

namespace SakipServerless.Storage.FileSystem;

/// <summary>
/// Evidence files in a local folder: <c>staging/</c> for uploads in progress and <c>files/</c> for checked files, both
/// under one root so promotion is a rename on the same volume (atomic). Keys map to paths segment by segment after the
/// checks <see cref="IFileStore"/> describes, and every path is verified to stay under its area.
/// </summary>
/// <remarks>
/// Files and folders are created readable by the service account only (0600/0700 on Unix). Appends write through
/// (no user-space buffer) and end with a sync, so whatever arrived before a dropped connection is on disk and counts
/// toward the offset; a large append also syncs in the background as it goes, overlapping the disk with the network.
/// </remarks>
public sealed partial class FileSystemFileStore : IFileStore
{
    private const int CopyBufferBytes = 64 * 1024;

    /// <summary>A large append is synced in the background every this many bytes while it is received.</summary>
    private const long SyncEveryBytes = 16 * 1024 * 1024;
    private const int MaxSegments = 8;

    private static readonly UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private static readonly UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _files;
    private readonly string _staging;

    public FileSystemFileStore(string root)
    {
        Root = Path.GetFullPath(root);
        _files = Path.Combine(Root, "files");
        _staging = Path.Combine(Root, "staging");
        CreateFolder(_files);
        CreateFolder(_staging);
    }

    public string Root { get; }

    public async Task<long> AppendStagedAsync(string stagingKey, long offset, Stream content, CancellationToken ct = default)
    {
        string path = Resolve(_staging, stagingKey);
        CreateFolder(Path.GetDirectoryName(path)!);
        FileStream stream;
        try
        {
            var open = new FileStreamOptions
            {
                Mode = System.IO.FileMode.OpenOrCreate,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 0,
                Options = FileOptions.Asynchronous,
            };
            if (!OperatingSystem.IsWindows())
            {
                open.UnixCreateMode = FileMode;
            }

            stream = new FileStream(path, open);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Held by another append to the same upload (FileShare.None): never interleave two writers.
            throw new StagedOffsetMismatchException(stagingKey, offset, new FileInfo(path).Length, busy: true);
        }

        await using (stream)
        {
            if (stream.Length != offset)
            {
                throw new StagedOffsetMismatchException(stagingKey, offset, stream.Length);
            }

            // Positional writes on the handle, so the disk can be synced on another thread while bytes still arrive.
            var handle = stream.SafeFileHandle;
            long position = offset, synced = offset;
            var syncing = Task.CompletedTask;
            var buffer = new byte[CopyBufferBytes];
            try
            {
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    await RandomAccess.WriteAsync(handle, buffer.AsMemory(0, read), position, ct);
                    position += read;
                    if (position - synced >= SyncEveryBytes && syncing.IsCompleted)
                    {
                        // Start the write-back of what is written so far, so the final sync has little left to wait for.
                        synced = position;
                        syncing = Task.Run(() => RandomAccess.FlushToDisk(handle), CancellationToken.None);
                    }
                }
            }
            finally
            {
                await syncing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

                // Keep what arrived even when the source failed: a resumed upload continues after it.
                RandomAccess.FlushToDisk(handle);
            }

            return position;
        }
    }

    public Task<long?> GetStagedLengthAsync(string stagingKey, CancellationToken ct = default)
    {
        var info = new FileInfo(Resolve(_staging, stagingKey));
        return Task.FromResult(info.Exists ? info.Length : (long?)null);
    }

    public Task<Stream> OpenStagedAsync(string stagingKey, CancellationToken ct = default) =>
        Task.FromResult<Stream>(OpenForReading(Resolve(_staging, stagingKey)));

    public Task PromoteAsync(string stagingKey, string fileKey, CancellationToken ct = default)
    {
        string from = Resolve(_staging, stagingKey);
        string to = Resolve(_files, fileKey);
        CreateFolder(Path.GetDirectoryName(to)!);
        File.Move(from, to, overwrite: false);
        return Task.CompletedTask;
    }

    public Task<bool> DeleteStagedAsync(string stagingKey, CancellationToken ct = default) => Task.FromResult(Delete(Resolve(_staging, stagingKey)));

    public Task<Stream?> OpenReadAsync(string fileKey, CancellationToken ct = default)
    {
        try
        {
            return Task.FromResult<Stream?>(OpenForReading(Resolve(_files, fileKey)));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> DeleteAsync(string fileKey, CancellationToken ct = default) => Task.FromResult(Delete(Resolve(_files, fileKey)));

    public Task<int> PurgeStagedAsync(DateTimeOffset olderThan, CancellationToken ct = default)
    {
        int purged = 0;
        foreach (var file in new DirectoryInfo(_staging).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            if (file.LastWriteTimeUtc < olderThan.UtcDateTime && Delete(file.FullName))
            {
                purged++;
            }
        }

        return Task.FromResult(purged);
    }

    /// <summary>The path of a key inside an area, or <see cref="ArgumentException"/> for a key that is not a plain server-made one.</summary>
    private static string Resolve(string area, string key)
    {
        string[] segments = key.Split('/');
        if (segments.Length is 0 or > MaxSegments || !segments.All(s => SegmentPattern().IsMatch(s)))
        {
            throw new ArgumentException($"'{key}' is not a valid file store key.", nameof(key));
        }

        string path = Path.GetFullPath(Path.Combine([area, .. segments]));
        if (!path.StartsWith(area + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' leaves the file store.", nameof(key));
        }

        return path;
    }

    private static FileStream OpenForReading(string path) =>
        new(path, System.IO.FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, CopyBufferBytes, FileOptions.Asynchronous);

    private static bool Delete(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
    }

    private static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, FolderMode);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentPattern();
}
