namespace Gongkai.Web.Features.Portal;

/// <summary>
/// 长者模式 (适老化): larger text and higher contrast, chosen by the reader with a button in the header and
/// kept in a cookie for a year. It works without JavaScript: the button posts to <c>/display-mode</c>,
/// which sets the cookie and sends the reader back to the page. Portal pages are output-cached per mode.
/// </summary>
public static class DisplayMode
{
    public const string Cookie = "gk-display";
    public const string Elder = "elder";

    public static bool IsElder(HttpContext context) => context.Request.Cookies[Cookie] == Elder;

    public static void MapDisplayMode(this WebApplication app) =>
        app.MapPost("/display-mode", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var elder = form["mode"] == Elder;
            var options = new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps, IsEssential = true };
            if (elder)
            {
                context.Response.Cookies.Append(Cookie, Elder, options);
            }
            else
            {
                context.Response.Cookies.Delete(Cookie, options);
            }

            // Only a path on this site: never an open redirect.
            var back = form["returnUrl"].ToString();
            return Results.LocalRedirect(back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) && !back.StartsWith("/\\", StringComparison.Ordinal) ? back : "/");
        }).DisableAntiforgery();
}
