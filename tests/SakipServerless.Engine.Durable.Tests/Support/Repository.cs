namespace SakipServerless.Engine.Durable.Tests.Support;

/// <summary>The repository's root folder, above the test output.</summary>
public static class Repository
{
    public static string Root
    {
        get
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
}
