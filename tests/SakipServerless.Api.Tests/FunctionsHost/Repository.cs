namespace SakipServerless.Api.Tests.FunctionsHost;

/// <summary>Files of the repository the deployment tests read: host.json, deploy/functions, infra/, scripts/.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>The backend's own build output (the test run's configuration), with its apphost executable.</summary>
    public static string ApiBuildOutput
    {
        get
        {
            // tests/SakipServerless.Api.Tests/bin/<Configuration>/net10.0/ → the same configuration of the backend.
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            string configuration = testOutput.Parent!.Name;
            return PathOf("functions", "SakipServerless.Api", "bin", configuration, testOutput.Name);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SakipServerless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (SakipServerless.sln) is not above the test output.");
    }
}
