namespace SakipServerless.Engine.Durable.Local.Tests.Support;

internal static class TempFolder
{
    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still being closed; the temp folder is cleaned by the system
        }
    }
}
