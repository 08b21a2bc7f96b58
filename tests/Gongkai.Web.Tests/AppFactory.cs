using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Web.Tests;

/// <summary>The one test host of the web application, on its own temporary SQLite database (migrated and seeded at start).</summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test-Passw0rd";

    private readonly string _db = Path.Combine(Path.GetTempPath(), $"gongkai-web-{Guid.NewGuid():N}.db");

    /// <summary>The application's clock: a fake one, at <see cref="Gongkai.Testing.TestClock.DefaultDay"/> unless a test moves it.</summary>
    public FakeTimeProvider Clock { get; }

    public AppFactory()
        : this(Gongkai.Testing.TestClock.DefaultDay)
    {
    }

    // Not public: xUnit allows a class fixture one public constructor (subclasses pin their own day).
    protected AppFactory(DateOnly today) => Clock = Gongkai.Testing.TestClock.At(today);

    /// <summary>An application whose today (in China) is <paramref name="today"/>; the demo data is seeded relative to it.</summary>
    public static AppFactory At(DateOnly today) => new(today);

    /// <summary>Everything the application logged (at its configured levels), for tests that read the log.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>The SQLite database file (its -wal beside it).</summary>
    public string DatabasePath => _db;

    /// <summary>Today in China, by the application's clock.</summary>
    public DateOnly Today => Gongkai.Core.Calendar.ChinaClock.TodayInChina(Clock);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("db", _db);
        builder.UseSetting("demo", "true");
        // Every test client comes from one address: the per-address sign-in and tracking limits are
        // set out of reach here and tested on hosts of their own.
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "100000");
        builder.UseSetting("RateLimits:Tracking:PermitLimit", "100000");
        // Tests drive the outbox sender and the reminder job themselves (RunOnceAsync), on the fake clock.
        builder.UseSetting("Notifications:Background", "false");
        builder.UseSetting("Jobs:Background", "false"); // tests run the jobs directly
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A staff account with <see cref="Password"/>; the user name is unique per call.</summary>
    public async Task<string> CreateStaffAsync(string role, string agencyId, string? name = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var userName = $"t{Guid.NewGuid():N}"[..12];
        var user = new StaffUser { UserName = userName, DisplayName = name ?? $"{role}{userName[..4]}", AgencyId = agencyId };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(";", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        if (scope.ServiceProvider.GetRequiredService<Gongkai.Web.Features.Staff.StaffSecurity>().RequiresTwoFactor([role]))
        {
            // Roles that must use a second factor: enrolled as the account's owner would, with the key kept for signing in.
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            _authenticatorKeys[userName] = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        return userName;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _authenticatorKeys = new(StringComparer.Ordinal);

    /// <summary>The authenticator code of an enrolled account now (by the application's clock), or null.</summary>
    public string? CodeFor(string userName) =>
        _authenticatorKeys.TryGetValue(userName, out var key) ? Gongkai.Core.Identity.Totp.Code(Gongkai.Core.Identity.Totp.FromBase32(key), Clock.GetUtcNow()) : null;

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public WebClient Browser() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), CodeFor);

    /// <summary>
    /// Publishes an item straight through the store's review chain (four different people, dated today), without
    /// the workspace — so without evicting the portal's cache. Returns its id.
    /// </summary>
    public async Task<long> PublishAsync(Gongkai.Data.Publishing.PublicationInput input)
    {
        using var scope = Services.CreateScope();
        var store = new Gongkai.Data.Publishing.PublicationStore(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>());
        var ct = TestContext.Current.CancellationToken;
        var row = await store.DraftAsync(input, new Gongkai.Data.Publishing.Actor("a", "甲", ["经办人"]), ct: ct);
        foreach (var (step, actor, role) in new[] { (Gongkai.Core.Publishing.ReviewStep.SecrecyChecked, "b", "审核人"), (Gongkai.Core.Publishing.ReviewStep.Reviewed, "c", "审核人"), (Gongkai.Core.Publishing.ReviewStep.Signed, "d", "分管领导"), (Gongkai.Core.Publishing.ReviewStep.Published, "e", "经办人") })
        {
            await store.AdvanceAsync(row.Id, step, new Gongkai.Data.Publishing.Actor(actor, actor, [role]), Today, ct);
        }

        return row.Id;
    }

    /// <summary>A client signed in as a new staff member of the role and agency.</summary>
    public async Task<WebClient> SignedInAsync(string role, string agencyId, string? name = null)
    {
        var client = Browser();
        await client.LoginAsync(await CreateStaffAsync(role, agencyId, name), Password);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm", _db + ".keys" })
        {
            File.Delete(f);
        }
    }
}

/// <summary>Drives the server-rendered forms the way a browser does: GET the page, post its fields with the page's antiforgery token.</summary>
public sealed partial class WebClient(HttpClient http, Func<string, string?>? codeFor = null)
{
    public HttpClient Http { get; } = http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Uri U(string path) => new(path, UriKind.Relative);

    public async Task<string> GetStringAsync(string path) => await Http.GetStringAsync(U(path), Ct);

    public async Task<HttpResponseMessage> GetAsync(string path) => await Http.GetAsync(U(path), Ct);

    public static string TokenOf(string html) =>
        Token().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("page has no antiforgery token");

    /// <summary>Posts a form found on <paramref name="pagePath"/> to <paramref name="action"/> (default: the page itself).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pagePath, IEnumerable<KeyValuePair<string, string>> fields, string? action = null, bool withToken = true)
    {
        var all = fields.ToList();
        if (withToken)
        {
            all.Add(new("__RequestVerificationToken", TokenOf(await GetStringAsync(pagePath))));
        }

        using var content = new FormUrlEncodedContent(all);
        return await Http.PostAsync(U(action ?? pagePath), content, Ct);
    }

    public Task<HttpResponseMessage> PostFormAsync(string pagePath, params (string Key, string Value)[] fields) =>
        PostFormAsync(pagePath, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    public Task<HttpResponseMessage> PostFormAsync(string pagePath, (string Key, string Value)[] fields, bool withToken, string? action = null) =>
        PostFormAsync(pagePath, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), action, withToken);

    /// <summary>Signs in; for an account with a second factor, answers the code step too.</summary>
    public async Task LoginAsync(string userName, string password)
    {
        var response = await PostFormAsync("/login", ("UserName", userName), ("Password", password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location?.OriginalString.StartsWith("/login/two-factor", StringComparison.Ordinal) == true)
        {
            var code = codeFor?.Invoke(userName) ?? throw new InvalidOperationException($"{userName} needs an authenticator code");
            response = await PostFormAsync(response.Headers.Location.OriginalString, ("Code", code));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

/// <summary>A logger provider that keeps every formatted message (and exception) in memory.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public string Text => string.Join("\n", _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
