namespace SakipServerless.Bench.Measuring;

/// <summary>The upload benches' test file: a PDF as the inspector accepts it (header, incompressible bytes, end marker).</summary>
internal static class BenchPdf
{
    public static void Write(string path, long bytes)
    {
        using var file = File.Create(path);
        file.Write("%PDF-1.7\n"u8);
        var block = new byte[1 << 20];
        new Random(9).NextBytes(block);
        long left = bytes - 9 - 7;
        while (left > 0)
        {
            int n = (int)Math.Min(block.Length, left);
            file.Write(block, 0, n);
            left -= n;
        }

        file.Write("\n%%EOF\n"u8);
    }
}
