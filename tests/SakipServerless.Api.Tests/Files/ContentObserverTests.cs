using System.Security.Cryptography;
using SakipServerless.Api.Files;

namespace SakipServerless.Api.Tests.Files;

/// <summary>
/// The facts a direct upload's checks rely on are seen while the body streams in, in chunks the network decides:
/// they must not depend on where the chunks break.
/// </summary>
public sealed class ContentObserverTests
{
    public static TheoryData<int> ChunkSizes => new() { 1, 3, 7, 64, 1 << 20 };

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public void Observed_InChunksOfAnySize_GivesTheDigestHeadAndTextVerdictOfTheWholeFile(int chunk)
    {
        byte[] csv = [.. SampleFiles.Csv(), .. SampleFiles.CsvWithScript()];

        var seen = Observe(csv, chunk, "laporan.csv");

        Assert.Equal(csv.Length, seen.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(csv)), seen.Sha256);
        Assert.Equal(csv[..ContentSniffer.HeadLength], seen.Head);
        Assert.NotNull(seen.TextProblem); // "<script" found even when a chunk boundary splits it
    }

    [Fact]
    public void Observed_FileShorterThanTheHead_KeepsOnlyItsBytes_AndPlainCsvHasNoProblem()
    {
        byte[] csv = "a;b\n1;2\n"u8.ToArray();

        var seen = Observe(csv, 3, "data.csv");

        Assert.Equal(csv, seen.Head);
        Assert.Null(seen.TextProblem);
    }

    [Fact]
    public async Task ObservingStream_PassesEveryByteThrough_AndTheObserverSeesThemInOrder()
    {
        var content = new byte[300_000];
        new Random(7).NextBytes(content);
        using var observer = new ContentObserver(EvidenceTypes.ForFileName("scan.pdf", allowZip: false)!);
        var observing = new ObservingStream(new MemoryStream(content), observer);
        var copy = new MemoryStream();

        var buffer = new byte[4096];
        int read;
        while ((read = await observing.ReadAsync(buffer)) > 0)
        {
            copy.Write(buffer, 0, read); // as the store does: the buffer is reused at once
        }

        await observing.CompleteAsync();
        var seen = observer.Finish();
        Assert.Equal(content, copy.ToArray());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), seen.Sha256);
        Assert.Equal(content.Length, seen.Length);
    }

    private static ObservedContent Observe(byte[] content, int chunk, string fileName)
    {
        using var observer = new ContentObserver(EvidenceTypes.ForFileName(fileName, allowZip: false)!);
        for (int offset = 0; offset < content.Length; offset += chunk)
        {
            observer.Observe(content.AsSpan(offset, Math.Min(chunk, content.Length - offset)));
        }

        return observer.Finish();
    }
}
