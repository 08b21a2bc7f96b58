using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Reports;
using Gongkai.Core.Statute;

namespace Gongkai.Web.Tests.Workspace;

/// <summary>Who may do what in a kept review batch (issue 20): each step refused to the wrong person, with the reason.</summary>
public partial class ReviewBatchTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> UploadAsync(WebClient client, string batch, string name, string content) =>
        UploadAsync(client, batch, name, System.Text.Encoding.UTF8.GetBytes(content));

    private static async Task<HttpResponseMessage> UploadAsync(WebClient client, string batch, string name, byte[] content)
    {
        var page = await client.GetStringAsync(batch);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebClient.TokenOf(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "files", name },
        };
        return await client.Http.PostAsync(WebClient.U(batch + "?handler=upload"), form, Ct);
    }

    [Fact]
    public async Task OnlyASupervisingGovernmentReviews_OnlyTheReviewedAgencyAnswers_AndAnotherAgencySeesNothing()
    {
        var street = await factory.SignedInAsync("经办人", "BGQ-05");
        var refused = await street.GetAsync("/admin/review/batches");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var reviewer = await factory.SignedInAsync("审核人", "BGQ");
        var created = await reviewer.PostFormAsync("/admin/review/batches", ("name", "权限测试批次"), ("year", "2025"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var batch = created.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync(batch)).StatusCode);
        Assert.Contains("请填写批次名称", await (await reviewer.PostFormAsync("/admin/review/batches", ("name", " "), ("year", "2025"))).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var report = Gongkai.Testing.ReportGenerator.Consistent(new Random(9), Edition.V2021, 2025);
        report.Agency = "北关区灯塔路街道办事处";
        report.Requests!["disclosed"]![0] += 2;
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(reviewer, batch, "灯塔路.json", AnnualReportJson.Write(report))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(reviewer, batch, "不是年报.txt", "这是一份会议纪要。")).StatusCode);
        var page = await reviewer.GetStringAsync(batch);
        Assert.Contains("无法读取", page, StringComparison.Ordinal);
        var reportId = ReportRow().Match(page).Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync(batch, [("reportId", reportId), ("diagnostic", "0")], withToken: true, action: batch + "?handler=problem")).StatusCode);
        var problemId = ProblemRow().Match(await reviewer.GetStringAsync(batch)).Groups[1].Value;

        // Another street's clerk does not see it; the reviewer cannot answer for the street; an answer needs text.
        var other = await factory.SignedInAsync("经办人", "BGQ-06");
        Assert.Contains("id=\"no-problems\"", await other.GetStringAsync("/admin/problems"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/admin/problems", [("problemId", problemId), ("kind", "Explained"), ("text", "x")], withToken: true, action: "/admin/problems?handler=answer")).StatusCode);
        Assert.Contains("请写明整改情况", await (await street.PostFormAsync("/admin/problems", [("problemId", problemId), ("kind", "Explained"), ("text", "")], withToken: true, action: "/admin/problems?handler=answer")).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("须同时上传或锁定", await (await street.PostFormAsync("/admin/problems", [("problemId", problemId), ("kind", "Corrected"), ("text", "已改")], withToken: true, action: "/admin/problems?handler=answer")).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Confirming before any answer is refused; the street explains; the reviewer returns without a reason: refused.
        Assert.Contains("该问题尚未答复", await (await reviewer.PostFormAsync(batch, [("problemId", problemId), ("confirm", "true")], withToken: true, action: batch + "?handler=review")).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await street.PostFormAsync("/admin/problems", [("problemId", problemId), ("kind", "Explained"), ("text", "该数字以台账为准")], withToken: true, action: "/admin/problems?handler=answer")).StatusCode);
        Assert.Contains("退回须写明理由", await (await reviewer.PostFormAsync(batch, [("problemId", problemId), ("confirm", "false"), ("reason", "")], withToken: true, action: batch + "?handler=review")).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync(batch, [("problemId", problemId), ("confirm", "false"), ("reason", "请更正表格")], withToken: true, action: batch + "?handler=review")).StatusCode);
        Assert.Contains("退回重改", await street.GetStringAsync("/admin/problems"), StringComparison.Ordinal);

        var letter = await reviewer.GetAsync(batch + "?handler=letter&agencyId=BGQ-05");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", letter.Content.Headers.ContentType!.MediaType);
    }

    /// <summary>A street's report printed and scanned (image-only PDF) is read by OCR, listed as such, and its diagnostics say so.</summary>
    [Fact]
    public async Task ScannedReport_Uploaded_IsReadByOcr_AndMarkedAsScanned()
    {
        var reviewer = await factory.SignedInAsync("审核人", "BGQ");
        var created = await reviewer.PostFormAsync("/admin/review/batches", ("name", "扫描件批次"), ("year", "2025"));
        var batch = created.Headers.Location!.OriginalString;
        var report = Gongkai.Testing.ReportGenerator.Consistent(new Random(12), Edition.V2021, 2025);
        report.Agency = "北关区灯塔路街道办事处";
        var pdf = await Gongkai.Documents.Reports.ReportPdfWriter.WriteHtmlAsync(Gongkai.Documents.Reports.ReportHtmlWriter.Write(report), Ct);

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(reviewer, batch, "灯塔路-扫描件.pdf", Gongkai.Testing.ScannedPdf.Scan(pdf, 150))).StatusCode);

        var page = await reviewer.GetStringAsync(batch);
        Assert.Contains("PDF（扫描件，经 OCR）", page, StringComparison.Ordinal);
        Assert.Contains("扫描件，经 OCR：第 1–", page, StringComparison.Ordinal);
        Assert.Contains("<td>2025</td>", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"reportId\" value=\"(\\d+)\"><input type=\"hidden\" name=\"diagnostic\"")]
    private static partial Regex ReportRow();

    [GeneratedRegex("id=\"problem-(\\d+)\"")]
    private static partial Regex ProblemRow();
}
