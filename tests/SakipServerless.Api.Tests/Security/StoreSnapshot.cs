using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace SakipServerless.Api.Tests.Security;

/// <summary>
/// Everything the backend has stored, as one comparable text: every row of every SQLite table and every file of the
/// file store with its SHA-256. Two equal snapshots mean nothing was written, added or removed in between.
/// </summary>
public static class StoreSnapshot
{
    public static string Take(string databasePath, string fileRoot)
    {
        var text = new StringBuilder();
        using (var connection = Open(databasePath))
        {
            foreach (string table in Tables(connection))
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\"";
                var rows = new List<string>();
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    rows.Add(string.Join('\u001F', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
                }

                rows.Sort(StringComparer.Ordinal);
                text.Append("## ").AppendLine(table).AppendJoin('\n', rows).AppendLine();
            }
        }

        text.AppendLine("## files");
        if (Directory.Exists(fileRoot))
        {
            foreach (string path in Directory.EnumerateFiles(fileRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                text.Append(Path.GetRelativePath(fileRoot, path)).Append(' ').AppendLine(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
            }
        }

        return text.ToString();
    }

    /// <summary>SQLite's own consistency checks: page structure and indexes, and foreign keys.</summary>
    public static (string Integrity, int ForeignKeyViolations) Check(string databasePath)
    {
        using var connection = Open(databasePath);
        using var integrity = connection.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        string result = (string)integrity.ExecuteScalar()!;
        using var keys = connection.CreateCommand();
        keys.CommandText = "PRAGMA foreign_key_check";
        int violations = 0;
        using var reader = keys.ExecuteReader();
        while (reader.Read())
        {
            violations++;
        }

        return (result, violations);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static List<string> Tables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        var tables = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
