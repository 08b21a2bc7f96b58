namespace Gongkai.Testing;

/// <summary>Finds the repository and the <c>../shared</c> folder (design, reference, corpus) beside it.</summary>
public static class SharedFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Path_(params string[] parts) => Path.Combine([Shared, .. parts]);

    public static string Reference(string name) => Require(Path.Combine(Shared, "reference", name));

    public static string Corpus(params string[] parts) => Require(Path.Combine([Shared, "corpus", .. parts]));

    private static string Require(string path) =>
        File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"Test data {path} is missing: the shared folder must sit beside the repository (../shared).", path);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find Gongkai.slnx above " + AppContext.BaseDirectory);
    }
}
