using Gongkai.Core.Reports;
using Microsoft.Playwright;

namespace Gongkai.Documents.Reports;

/// <summary>PDF output cannot be made on this machine (Chromium missing or failing); the message says what to install.</summary>
public sealed class PdfRenderException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Prints the HTML rendering to an A4 PDF in headless Chromium (Playwright for .NET driving the
/// system's Debian <c>chromium</c>; CJK text needs <c>fonts-noto-cjk</c>), with 「— N —」 page numbers.
/// </summary>
public static class ReportPdfWriter
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The flags headless Chromium needs on a server without a sandbox, a GPU or a network (also used by the browser tests).</summary>
    public static IReadOnlyList<string> ChromiumArgs { get; } =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>The Chromium to drive: <c>GONGKAI_CHROMIUM</c> if set, else the Debian package's.</summary>
    public static string ChromiumExecutable => Environment.GetEnvironmentVariable("GONGKAI_CHROMIUM") ?? ChromiumPath;

    private const string Footer =
        "<div style=\"width:100%;text-align:center;font-size:14px;font-family:'Noto Serif CJK SC',SimSun,serif\">— <span class=\"pageNumber\"></span> —</div>";

    public static byte[] Write(AnnualReport report) => WriteHtmlAsync(ReportHtmlWriter.Write(report)).GetAwaiter().GetResult();

    /// <summary>At most this many pages print at once in the shared browser (each holds a renderer process).</summary>
    public const int MaxConcurrentPrints = 2;

    private static readonly SemaphoreSlim _launch = new(1, 1);
    private static readonly SemaphoreSlim _printing = new(MaxConcurrentPrints, MaxConcurrentPrints);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    /// <summary>
    /// Prints HTML to PDF in one headless Chromium kept warm for the life of the process (started on the
    /// first call, started again if it died): a print costs a new page, not a new driver and browser
    /// (1.8–2.5 s each before).
    /// </summary>
    public static async Task<byte[]> WriteHtmlAsync(string html, CancellationToken cancellationToken = default)
    {
        var executable = ChromiumExecutable;
        if (!File.Exists(executable))
        {
            throw new PdfRenderException($"生成 PDF 需要 Chromium（未找到 {executable}），请先安装：apt-get install chromium fonts-noto-cjk");
        }

        await _printing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var browser = await BrowserAsync(executable, cancellationToken).ConfigureAwait(false);
            var page = await browser.NewPageAsync().ConfigureAwait(false);
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load }).ConfigureAwait(false);
                return await page.PdfAsync(new PagePdfOptions
                {
                    Format = "A4",
                    PrintBackground = true,
                    DisplayHeaderFooter = true,
                    HeaderTemplate = "<span></span>",
                    FooterTemplate = Footer,
                    Margin = new Margin { Top = "25mm", Bottom = "22mm", Left = "20mm", Right = "20mm" },
                }).ConfigureAwait(false);
            }
            finally
            {
                await page.CloseAsync().ConfigureAwait(false);
            }
        }
        catch (PlaywrightException e)
        {
            throw new PdfRenderException($"Chromium 生成 PDF 失败：{e.Message.Split('\n')[0]}", e);
        }
        finally
        {
            _printing.Release();
        }
    }

    private static async Task<IBrowser> BrowserAsync(string executable, CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } warm)
        {
            return warm;
        }

        await _launch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_browser is { IsConnected: true } raced)
            {
                return raced;
            }

            if (_playwright is null)
            {
                _playwright = await Playwright.CreateAsync().ConfigureAwait(false);
                // The browser and its driver are child processes: end them with this one.
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    _browser?.CloseAsync().Wait(TimeSpan.FromSeconds(5));
                    _playwright?.Dispose();
                };
            }

            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Args = ChromiumArgs,
                Timeout = 60_000,
            }).ConfigureAwait(false);
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }
}
