using System.Diagnostics;

namespace SakipServerless.Functions.Tests.Publish;

/// <summary>
/// The Functions app as <c>dotnet publish</c> lays it out: the folder scripts/test.sh published before the tests
/// (<c>SAKIP_FUNCTIONS_PUBLISH_DIR</c>), or, when the tests run alone, one published here from the build the tests
/// already made (<c>--no-build</c>, a few seconds).
/// </summary>
public sealed class PublishedApp : IDisposable
{
    public const string Variable = "SAKIP_FUNCTIONS_PUBLISH_DIR";

    private readonly string? _temporary;

    public PublishedApp()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            Folder = given;
            return;
        }

        _temporary = Path.Combine(Path.GetTempPath(), "sakip-functions-publish", Guid.NewGuid().ToString("N"));
        Folder = _temporary;
        // tests/<project>/bin/<Configuration>/net10.0/: the Functions app was built in the same configuration.
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "publish", Repository.PathOf("functions", "SakipServerless.Functions", "SakipServerless.Functions.csproj"),
            "--no-build", "--nologo", "-c", configuration, "-o", Folder })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        PublishOutput = stdout + stderr.Result;
        Assert.True(process.ExitCode == 0, "dotnet publish failed:\n" + PublishOutput);
    }

    public string Folder { get; }

    public string PublishOutput { get; } = "";

    public string PathOf(params string[] parts) => Path.Combine([Folder, .. parts]);

    public void Dispose()
    {
        if (_temporary is not null && Directory.Exists(_temporary))
        {
            Directory.Delete(_temporary, recursive: true);
        }
    }
}
