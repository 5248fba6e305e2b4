namespace SakipServerless.Tests;

/// <summary>
/// The repository's files as tests read them (host.json, infra/, scripts/, sop/, the example settings), found above the
/// test output. One file, compiled into every test project by tests/Directory.Build.props.
/// </summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

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
