using SakipServerless.Cli;

namespace SakipServerless.Cli.Tests;

public sealed class DemoCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("jeneponto-kesbangpol-pengumpulan-data-kinerja", "2026-Q4", "WITA")]
    [InlineData("bantul-inspektorat-pengumpulan-data-kinerja", "2026-Q2", "WIB")]
    [InlineData("samboja-kecamatan-pengumpulan-data-kinerja", "2027-Q1", "WITA")]
    public void Demo_RunsTheSeedSopToCompletion_AndPrintsItsTimeline(string sop, string period, string zone)
    {
        var (exit, output, error) = Run("demo", "--sop", sop, "--periode", period);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("[ESKALASI]", output);
        Assert.Contains("[KEMBALI]", output);
        Assert.Contains("[SELESAI]", output);
        Assert.Contains(zone, output);
        Assert.Contains("Status: selesai.", output);
    }

    [Fact]
    public void Demo_WithAnUnknownPeriod_ExplainsTheFormat()
    {
        var (exit, _, error) = Run("demo", "--periode", "2026-Q5");
        Assert.Equal(2, exit);
        Assert.Contains("2026-Q1", error);
    }

    [Fact]
    public void Demo_WithAnUnknownSop_SaysSo()
    {
        var (exit, _, error) = Run("demo", "--sop", "tidak-ada");
        Assert.Equal(2, exit);
        Assert.Contains("tidak-ada", error);
    }

    [Fact]
    public void UnknownCommand_PrintsUsageAndFails()
    {
        var (exit, _, error) = Run("apa");
        Assert.Equal(2, exit);
        Assert.Contains("Penggunaan", error);
    }
}
