using System.Diagnostics;

namespace SakipServerless.Api.Tests.FunctionsHost;

/// <summary>
/// A Functions package assembled by the real scripts/publish.sh, with the backend's build output as the handler
/// (a self-contained publish takes minutes; the layout and the start-up contract are the same).
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Folder = Path.Combine(Work, "functionapp");
        Zip = Path.Combine(Work, "functionapp.zip");
        (ExitCode, Output) = Run("bash", Repository.PathOf("scripts", "publish.sh"), "--handler-from", Repository.ApiBuildOutput, "--out", Folder, "--zip", Zip);
    }

    public string Work { get; } = Path.Combine(Path.GetTempPath(), "sakip-package-tests", Guid.NewGuid().ToString("N"));

    public string Folder { get; }

    public string Zip { get; }

    public int ExitCode { get; }

    public string Output { get; }

    public static (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
