namespace SakipServerless.Bench;

/// <summary>Finds the repository root (the folder holding SakipServerless.sln) from the bench's output folder.</summary>
public static class Repository
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SakipServerless.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run the bench from within the repository.");
    }
}
