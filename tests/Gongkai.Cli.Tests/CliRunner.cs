namespace Gongkai.Cli.Tests;

/// <summary>Runs the <c>gongkai</c> command in-process and captures what it prints.</summary>
public sealed record CliResult(int ExitCode, string Out, string Err)
{
    public string FirstLine => Out.Split('\n')[0].TrimEnd('\r');
}

public static class CliRunner
{
    /// <summary>Runs the command with the clock on <see cref="Gongkai.Testing.TestClock.DefaultDay"/>.</summary>
    public static CliResult Run(params string[] args) => RunAt(Gongkai.Testing.TestClock.DefaultDay, args);

    /// <summary>Runs the command as if today (in China) were <paramref name="today"/>.</summary>
    public static CliResult RunAt(DateOnly today, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr, Gongkai.Testing.TestClock.At(today));
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A throwaway folder for files a test writes.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("gongkai-test-").FullName;

    public string File(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
