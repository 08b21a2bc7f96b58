using System.Runtime.CompilerServices;

namespace Gongkai.Testing;

/// <summary>
/// One personal-data key ring for the whole test process (GONGKAI_PI_KEYS), unless the test command
/// gave one: databases on PostgreSQL need a configured ring, and one ring means one EF model for
/// every test database instead of one per temporary key file. Tests of the key-file default call
/// <c>PersonalDataKeys.Resolve</c> with their own environment.
/// </summary>
public static class TestKeys
{
    public const string Ring = "test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

#pragma warning disable CA2255 // intended: the ring must be set before any test opens a database, whatever runs first
    [ModuleInitializer]
    internal static void Ensure()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GONGKAI_PI_KEYS")))
        {
            Environment.SetEnvironmentVariable("GONGKAI_PI_KEYS", Ring);
        }
    }
#pragma warning restore CA2255
}
