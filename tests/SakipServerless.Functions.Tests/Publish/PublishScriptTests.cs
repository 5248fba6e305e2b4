using System.Diagnostics;

namespace SakipServerless.Functions.Tests.Publish;

/// <summary>scripts/publish.sh (the deployable package; slow, so run by hand) refuses what it does not know before it builds anything.</summary>
public sealed class PublishScriptTests
{
    [Fact]
    public void PublishSh_RefusesAnUnknownArgument()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Repository.PathOf("scripts", "publish.sh"));
        start.ArgumentList.Add("--handler-from"); // the custom handler's option, gone with it
        using var process = Process.Start(start)!;
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("unknown argument", stderr);
    }
}
