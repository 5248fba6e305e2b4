using SakipServerless.Core.Storage;
using SakipServerless.Storage.Contract;
using SakipServerless.Storage.FileSystem;

namespace SakipServerless.Api.Tests.Files;

public sealed class FileSystemFileStoreTests : FileStoreContract
{
    private readonly FileSystemFileStore _store = new(Path.Combine(Path.GetTempPath(), "sakip-tests", Guid.NewGuid().ToString("N"), "files"));

    protected override IFileStore Store => _store;

    [Fact]
    public async Task AConcurrentAppendToTheSameUpload_IsRefused_NotInterleaved()
    {
        var slow = new BlockingStream();
        var first = Store.AppendStagedAsync("t1/up", 0, slow);
        await slow.Started.Task;

        var second = await Assert.ThrowsAsync<StagedOffsetMismatchException>(() => Store.AppendStagedAsync("t1/up", 0, new MemoryStream([9])));
        slow.Release.SetResult();
        await first;

        Assert.True(second.Busy);
        Assert.Equal(1, await Store.GetStagedLengthAsync("t1/up"));
    }

    [Fact]
    public void FilesAndFolders_AreReadableByTheServiceAccountOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_store.Root, "files")));
    }

    /// <summary>Delivers one byte, then waits until released: an append that is still in flight.</summary>
    private sealed class BlockingStream : Stream
    {
        private bool _sent;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => 1;

        public override long Position { get; set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_sent)
            {
                _sent = true;
                buffer.Span[0] = 1;
                return 1;
            }

            Started.TrySetResult();
            await Release.Task;
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
