using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gongkai.Web.Tests.Applications;

public class ApplicationsApiTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public ApplicationsApiTests(AppFactory factory) => _factory = factory;

    private static object Valid(string phone = "13800000000") => new
    {
        agencyId = "BGQ-05",
        applicantType = "natural",
        name = "张三",
        idNumber = "11010519491231002X",
        phone,
        consent = true,
        description = "申请公开灯塔路街道2024年老旧小区改造项目的实施方案",
        formWanted = "电子邮件",
    };

    private static Uri U(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Apply_ThenTrackWithThePhone()
    {
        var client = _factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var response = await client.PostAsJsonAsync(U("/api/applications"), Valid("0311-66668888"), ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var number = created.RootElement.GetProperty("trackingNumber").GetString()!;
        var received = DateOnly.Parse(created.RootElement.GetProperty("receivedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var due = DateOnly.Parse(created.RootElement.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(20, Core.Calendar.WorkdayCalendar.Default.CountWorkdays(received.AddDays(1), due));
        Assert.Contains("条例第三十三条", created.RootElement.GetProperty("explanation").GetString(), StringComparison.Ordinal);

        var track = await client.GetFromJsonAsync<JsonElement>(U($"/api/applications/{number}?phone=0311-66668888"), ct);
        Assert.Equal("办理中", track.GetProperty("status").GetString());

        var wrong = await client.GetAsync(U($"/api/applications/{number}?phone=0311-00000000"), ct);
        var unknown = await client.GetAsync(U("/api/applications/20000101-123456?phone=0311-66668888"), ct);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(ct), await wrong.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task InvalidApplication_Is400NamingEachField()
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await _factory.CreateClient().PostAsJsonAsync(U("/api/applications"), new
        {
            agencyId = "NOPE",
            applicantType = "natural",
            name = "",
            idNumber = "110105194912310021",
            phone = "12",
            email = "not-an-email",
            consent = true,
            description = "短",
        }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["agencyId", "description", "email", "idNumber", "name", "phone"], fields);
        Assert.Contains("校验码", problem.RootElement.GetProperty("errors").GetProperty("idNumber")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organisation_NeedsAValidCreditCode()
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await _factory.CreateClient().PostAsJsonAsync(U("/api/applications"), new
        {
            agencyId = "BGQ", applicantType = "legal", name = "某某律师事务所", creditCode = "11370812004339255C", phone = "13900000000", consent = true,
            description = "申请公开2024年行政处罚决定书目录",
        }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("creditCode", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApplicationsApi()
    {
        var json = await _factory.CreateClient().GetStringAsync(U("/openapi/v1.json"), TestContext.Current.CancellationToken);
        Assert.Contains("/api/applications", json, StringComparison.Ordinal);
    }
}
