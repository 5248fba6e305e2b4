using SakipServerless.Core.Storage;

namespace SakipServerless.Storage.Contract;

/// <summary>What every <see cref="IFileStore"/> adapter must guarantee; the filesystem store runs it now, Blob Storage later.</summary>
public abstract class FileStoreContract
{
    protected abstract IFileStore Store { get; }

    private static MemoryStream Bytes(params byte[] b) => new(b);

    private async Task<byte[]> ReadAsync(string key)
    {
        await using var stream = await Store.OpenReadAsync(key) ?? throw new FileNotFoundException(key);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Appends_Continue_ThenPromote_MakesTheFileReadable_AndStagingEmpty()
    {
        Assert.Equal(3, await Store.AppendStagedAsync("t1/up-1", 0, Bytes(1, 2, 3)));
        Assert.Equal(5, await Store.AppendStagedAsync("t1/up-1", 3, Bytes(4, 5)));

        await Store.PromoteAsync("t1/up-1", "t1/run-1/file-1");

        Assert.Equal([1, 2, 3, 4, 5], await ReadAsync("t1/run-1/file-1"));
        Assert.Null(await Store.GetStagedLengthAsync("t1/up-1"));
    }

    [Fact]
    public async Task AnAppendAtTheWrongOffset_WritesNothing_AndNamesTheLength()
    {
        await Store.AppendStagedAsync("t1/up-1", 0, Bytes(1, 2, 3));

        var ex = await Assert.ThrowsAsync<StagedOffsetMismatchException>(() => Store.AppendStagedAsync("t1/up-1", 1, Bytes(9)));

        Assert.Equal(3, ex.StagedLength);
        Assert.Equal(3, await Store.GetStagedLengthAsync("t1/up-1"));
    }

    [Fact]
    public async Task BytesThatArrivedBeforeTheSourceFailed_StayStaged()
    {
        var source = new DroppingStream(new byte[10_000], 6_000);

        await Assert.ThrowsAsync<IOException>(() => Store.AppendStagedAsync("t1/up-1", 0, source));

        Assert.Equal(6_000, await Store.GetStagedLengthAsync("t1/up-1"));
    }

    [Fact]
    public async Task PromoteOntoAnExistingFile_Fails_AndKeepsBoth()
    {
        await Store.AppendStagedAsync("t1/a", 0, Bytes(1));
        await Store.PromoteAsync("t1/a", "t1/run/f");
        await Store.AppendStagedAsync("t1/b", 0, Bytes(2));

        await Assert.ThrowsAnyAsync<IOException>(() => Store.PromoteAsync("t1/b", "t1/run/f"));

        Assert.Equal([1], await ReadAsync("t1/run/f"));
        Assert.Equal(1, await Store.GetStagedLengthAsync("t1/b"));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("t1/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("t1//x")]
    [InlineData("t1/.hidden")]
    [InlineData("t1\\x")]
    [InlineData("t1/x\0")]
    [InlineData("")]
    public async Task KeysThatAreNotPlainServerMadeNames_AreRefused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendStagedAsync(key, 0, Bytes(1)));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(key));
    }

    [Fact]
    public async Task MissingThings_AreNullOrFalse_NotErrors()
    {
        Assert.Null(await Store.OpenReadAsync("t1/run/none"));
        Assert.Null(await Store.GetStagedLengthAsync("t1/none"));
        Assert.False(await Store.DeleteAsync("t1/run/none"));
        Assert.False(await Store.DeleteStagedAsync("t1/none"));
    }

    [Fact]
    public async Task Purge_RemovesOnlyStagedObjectsOlderThanTheCutOff()
    {
        await Store.AppendStagedAsync("t1/old", 0, Bytes(1));

        Assert.Equal(0, await Store.PurgeStagedAsync(DateTimeOffset.UtcNow.AddHours(-1)));
        Assert.Equal(1, await Store.PurgeStagedAsync(DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.Null(await Store.GetStagedLengthAsync("t1/old"));
    }
}
