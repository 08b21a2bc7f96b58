using Gongkai.Core.Statute;
using Gongkai.Core.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.EndToEnd;

/// <summary>Browser tests run alone: Chromium and the server share two cores, and timing out under load would say nothing about the product.</summary>
[CollectionDefinition("browser", DisableParallelization = true)]
public sealed class BrowserCollection;

/// <summary>The product used through real Chromium: what a person applying and a clerk answering see and click.</summary>
[Collection("browser")]
public class BrowserTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private int Year => fx.App.Today.Year;

    private async Task<int> PartlyDisclosedNaturalAsync(IPage clerk)
    {
        await clerk.GotoAsync($"/admin/reports?agency=BGQ-05&year={Year}");
        var row = clerk.Locator("#preview table.t3 tr", new() { HasText = "（二）部分公开" });
        return int.Parse(await row.Locator("td.num").First.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The applicant's whole path (issue 15): a 港澳居民来往内地通行证 and an address, the 回执 as PDF, a 补正 with two
    /// listed items seen on /track with its period, the correction, an answer through 审核 and 签发, and the
    /// 答复书 from /track naming the 复议机关 and court set for the agency — and the case in the year's table 三.
    /// </summary>
    [Fact]
    public async Task ApplyOnline_Receipt_Correction_ReviewedAnswer_LetterNamesTheRemedyBodies()
    {
        var admin = await fx.StaffAsync("管理员", "BGQ-05");
        await admin.GotoAsync("/admin/agency?id=BGQ-05");
        await admin.FillAsync("#reconsiderationBody", "北关区人民政府");
        await admin.FillAsync("#court", "石家庄市北关区人民法院");
        await admin.CheckAsync("#review-review-and-sign");
        await admin.ClickAsync("form.stack button[type=submit]");
        Assert.Contains("机关设置已保存", await admin.InnerTextAsync("main"), StringComparison.Ordinal);

        var clerk = await fx.StaffAsync("经办人", "BGQ-05", "郑经办");
        var before = await PartlyDisclosedNaturalAsync(clerk);

        var applicant = await fx.PersonAsync();
        await applicant.GotoAsync("/");
        await fx.ShotAsync(applicant, "01-home");
        await applicant.ClickAsync("text=依申请公开 >> nth=0");
        await applicant.WaitForURLAsync("**/apply");
        await applicant.ClickAsync("form.stack button[type=submit]");
        var invalid = await applicant.InnerTextAsync("main");
        Assert.Contains("请填写申请人姓名或名称", invalid, StringComparison.Ordinal);
        Assert.Contains("勾选同意", invalid, StringComparison.Ordinal);
        await fx.ShotAsync(applicant, "02-apply-validation");
        await applicant.SelectOptionAsync("#agencyId", "BGQ-05");
        await applicant.SelectOptionAsync("#applicantType", "natural");
        await applicant.FillAsync("#name", "刘一");
        await applicant.SelectOptionAsync("#honorific", "mr");
        await applicant.SelectOptionAsync("#idType", "hk-macao-permit");
        await applicant.FillAsync("#idNumber", "H12345678");
        await applicant.FillAsync("#phone", "+86 137-0000-1111");
        await applicant.FillAsync("#address", "河北省石家庄市北关区灯塔路1号院3单元");
        await applicant.FillAsync("#description", "申请公开灯塔路街道加装电梯补贴的发放名单");
        await applicant.FillAsync("#formWanted", "邮寄");
        await applicant.CheckAsync("#consent");
        await applicant.ClickAsync("form.stack button[type=submit]");
        var number = (await applicant.InnerTextAsync("#tracking-number")).Trim();
        var due = (await applicant.InnerTextAsync("#due-on")).Trim();
        await fx.ShotAsync(applicant, "03-apply-done");

        // The server prints the PDF in its own Chromium: allow for that on a loaded two-core machine.
        var download = await applicant.RunAndWaitForDownloadAsync(() => applicant.ClickAsync("#receipt-pdf button"), new() { Timeout = 120_000 });
        var receipt = PdfText(await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken));
        Assert.Contains(number, receipt, StringComparison.Ordinal);
        Assert.Contains(due, receipt, StringComparison.Ordinal);
        Assert.Contains("政府信息公开申请回执", receipt, StringComparison.Ordinal);

        await clerk.GotoAsync("/admin");
        await fx.ShotAsync(clerk, "04-cases");
        await clerk.ClickAsync($"text={number}");
        Assert.Contains("港澳居民来往内地通行证", await clerk.InnerTextAsync("#case-id"), StringComparison.Ordinal);
        await clerk.FillAsync("#correction-items", "1. 请写明加装电梯的小区名称；2. 请写明补贴发放的年度");
        await clerk.FillAsync("#correction-workdays", "10");
        await clerk.ClickAsync("form:has(input[value=correction-requested]) button");
        Assert.Contains("待补正", await clerk.InnerTextAsync("#case-status"), StringComparison.Ordinal);

        await TrackAsync(applicant, number, "13700001111");
        Assert.Equal("待补正", (await applicant.InnerTextAsync("#track-status")).Trim());
        Assert.Contains("1. 请写明加装电梯的小区名称；2. 请写明补贴发放的年度", await applicant.InnerTextAsync("#correction-items"), StringComparison.Ordinal);
        Assert.Contains("前（含当日）提交补正", await applicant.InnerTextAsync("#correction-due"), StringComparison.Ordinal);
        await applicant.FillAsync("#correction", "灯塔路1号院2026年加装电梯补贴的发放名单");
        await applicant.ClickAsync("button:text('提交补正')");
        Assert.Contains("补正已提交", await applicant.InnerTextAsync("#track-message"), StringComparison.Ordinal);
        Assert.Equal("办理中", (await applicant.InnerTextAsync("#track-status")).Trim());
        await fx.ShotAsync(applicant, "05-track-corrected");

        await clerk.ReloadAsync();
        await clerk.SelectOptionAsync("#outcome", "PartlyDisclosed");
        await clerk.FillAsync("#reasons", "名单中的身份证号码属于个人信息，不予公开");
        await clerk.ClickAsync("#decide button");
        Assert.Contains("待审核", await clerk.InnerTextAsync("#answer-state"), StringComparison.Ordinal);
        Assert.DoesNotContain("已答复", await clerk.InnerTextAsync("#case-status"), StringComparison.Ordinal);
        await fx.ShotAsync(clerk, "06-answer-drafted");

        foreach (var (role, button) in new[] { ("审核人", "#answer-reviewed"), ("分管领导", "#answer-signed") })
        {
            var person = await fx.StaffAsync(role, "BGQ-05");
            await person.GotoAsync($"/admin/cases/{number}");
            await person.ClickAsync(button);
        }

        await clerk.ReloadAsync();
        Assert.Contains("已答复", await clerk.InnerTextAsync("#case-status"), StringComparison.Ordinal);
        Assert.Contains("作出答复：（二）部分公开", await clerk.InnerTextAsync(".timeline"), StringComparison.Ordinal);
        Assert.Contains("签发", await clerk.InnerTextAsync("#answer-review"), StringComparison.Ordinal);
        await fx.ShotAsync(clerk, "07-case-answered");
        Assert.Equal(before + 1, await PartlyDisclosedNaturalAsync(clerk));

        await TrackAsync(applicant, number, "137 0000 1111");
        Assert.Equal("已答复", (await applicant.InnerTextAsync("#track-status")).Trim());
        Assert.Contains("（二）部分公开", await applicant.InnerTextAsync("#track-outcome"), StringComparison.Ordinal);
        var letter = await applicant.RunAndWaitForDownloadAsync(() => applicant.ClickAsync("#track-letter button"), new() { Timeout = 120_000 });
        var text = DocxText(await File.ReadAllBytesAsync((await letter.PathAsync())!, TestContext.Current.CancellationToken));
        Assert.Contains("刘一先生", text, StringComparison.Ordinal);
        Assert.Contains("向北关区人民政府依法申请行政复议", text, StringComparison.Ordinal);
        Assert.Contains("石家庄市北关区人民法院", text, StringComparison.Ordinal);
        Assert.Contains("河北省石家庄市北关区灯塔路1号院3单元", text, StringComparison.Ordinal);
    }

    private static async Task TrackAsync(IPage applicant, string number, string phone)
    {
        await applicant.GotoAsync("/track");
        await applicant.FillAsync("#number", number);
        await applicant.FillAsync("#phone", phone);
        await applicant.ClickAsync("form.stack button[type=submit]");
    }

    /// <summary>The text of a PDF, through poppler's pdftotext (installed by the test command).</summary>
    private static string PdfText(byte[] pdf)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", "-layout - -")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false,
        })!;
        process.StandardInput.BaseStream.Write(pdf);
        process.StandardInput.Close();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    private static string DocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>The platform of many agencies (issue 16): from the platform home into one 街道's 专栏 and its application channel, to the supervising government.</summary>
    [Fact]
    public async Task PlatformHome_AStreetsColumn_ApplyThere_SeenByItsClerkOnly_CountedBySupervision()
    {
        var office = await fx.StaffAsync("经办人", "BGQ");
        async Task<int> OpenCasesAsync()
        {
            await office.GotoAsync("/admin/supervision");
            return int.Parse(await office.InnerTextAsync("#agency-BGQ-06 td:nth-child(2)"), System.Globalization.CultureInfo.InvariantCulture);
        }

        var openBefore = await OpenCasesAsync();
        var visitor = await fx.PersonAsync();
        await visitor.GotoAsync("/");
        Assert.Contains("街道办事处、乡镇人民政府", await visitor.InnerTextAsync("#agencies"), StringComparison.Ordinal);
        await visitor.ClickAsync("#agencies a:text('北关区滨河街道办事处')");
        await visitor.WaitForURLAsync("**/BGQ-06");
        Assert.Contains("北关区人民政府 › 北关区滨河街道办事处", await visitor.InnerTextAsync("#agency-path"), StringComparison.Ordinal);
        await fx.ShotAsync(visitor, "16-agency-column");
        await visitor.ClickAsync("a:text('法定主动公开内容')");
        await visitor.ClickAsync(".hit h3 a >> nth=0");
        Assert.Contains("北关区滨河街道办事处", await visitor.InnerTextAsync("table.meta"), StringComparison.Ordinal);
        Assert.Contains("/BGQ-06/catalog/", visitor.Url, StringComparison.Ordinal);
        await visitor.ClickAsync("header nav a:text('公开指南')");
        Assert.Contains("北关区人民路7号", await visitor.InnerTextAsync("#guide-address"), StringComparison.Ordinal);
        await fx.ShotAsync(visitor, "17-agency-guide");

        await visitor.ClickAsync("header nav a:text('依申请公开')");
        await visitor.WaitForURLAsync("**/BGQ-06/apply");
        Assert.Equal("BGQ-06", await visitor.InputValueAsync("#agencyId"));
        await visitor.FillAsync("#name", "孙七");
        await visitor.FillAsync("#idNumber", "11010519491231002X");
        await visitor.FillAsync("#phone", "13900007777");
        await visitor.FillAsync("#description", "申请公开滨河街道2026年防汛物资储备清单");
        await visitor.CheckAsync("#consent");
        await visitor.ClickAsync("form.stack button[type=submit]");
        var number = (await visitor.InnerTextAsync("#tracking-number")).Trim();
        Assert.Contains("北关区滨河街道办事处", await visitor.InnerTextAsync("#receipt-agency"), StringComparison.Ordinal);

        var clerk = await fx.StaffAsync("经办人", "BGQ-06");
        await clerk.GotoAsync($"/admin/cases/{number}");
        Assert.Contains("办理中", await clerk.InnerTextAsync("#case-status"), StringComparison.Ordinal);
        var sibling = await fx.StaffAsync("经办人", "BGQ-05");
        var refused = await sibling.GotoAsync($"/admin/cases/{number}");
        Assert.Equal(404, refused!.Status);

        Assert.Equal(openBefore + 1, await OpenCasesAsync());
        await fx.ShotAsync(office, "18-supervision");
    }

    [Fact]
    public async Task Publication_GoesThroughTheReviewChain_AndIsFoundByAChineseSearch()
    {
        var clerk = await fx.StaffAsync("经办人", "BGQ-05");
        await clerk.GotoAsync("/admin/publications/new");
        await clerk.FillAsync("#title", "灯塔路街道2026年第四季度城市综合执法检查情况");
        await clerk.SelectOptionAsync("#category", "6");
        await clerk.SelectOptionAsync("#area", "城市综合执法");
        await clerk.FillAsync("#writtenOn", "2026-11-16");
        await clerk.FillAsync("#body", "本季度共查处占道经营违法行为36起，责令整改违规广告牌12处。");
        await clerk.ClickAsync("text=保存并提交保密审查");
        var item = clerk.Url;
        await fx.ShotAsync(clerk, "08-publication-drafted");

        foreach (var (role, step) in new[] { ("审核人", "保密审查"), ("审核人", "审核"), ("分管领导", "签发"), ("经办人", "发布") })
        {
            var person = await fx.StaffAsync(role, "BGQ-05");
            await person.GotoAsync(item);
            Assert.Equal($"待{step}", (await person.InnerTextAsync("#step")).Trim());
            await person.ClickAsync("#advance");
            Assert.Contains($"已完成「{step}」", await person.InnerTextAsync("main"), StringComparison.Ordinal);
            if (step == "发布")
            {
                await fx.ShotAsync(person, "09-publication-published");
            }
        }

        var reader = await fx.PersonAsync();
        await reader.GotoAsync("/");
        await reader.FillAsync("#site-q", "占道经营");
        await reader.PressAsync("#site-q", "Enter");
        await reader.WaitForURLAsync("**/search?q=*");
        Assert.Equal("占道经营", await reader.InnerTextAsync(".hit mark >> nth=0"));
        await fx.ShotAsync(reader, "10-search");
        await reader.ClickAsync(".hit h3 a");
        Assert.Contains("索引号", await reader.InnerTextAsync("table.meta"), StringComparison.Ordinal);
        await fx.ShotAsync(reader, "11-catalog-item");
    }

    /// <summary>
    /// The 目录 over time (issue 19), clicked through: a revision through the whole chain shows 「已修订」 on the portal; a
    /// repealed 规范性文件 lowers the report's 现行有效 by one; a withdrawn item answers 410; three alike applications
    /// become a suggestion that a clerk turns into a draft.
    /// </summary>
    [Fact]
    public async Task Catalogue_RevisedRepealedWithdrawn_AndThreeAlikeApplicationsBecomeADraft()
    {
        const string title = "人社局关于规范劳务派遣用工备案的规定";
        using (var scope = fx.App.Services.CreateScope())
        {
            await new Gongkai.Data.Records.RecordStore(scope.ServiceProvider.GetRequiredService<Gongkai.Data.Model.GongkaiDbContext>())
                .AddNormativeAsync("BGQ-04", new Gongkai.Core.Cases.NormativeRecord(title, Gongkai.Core.Cases.NormativeKind.NormativeDocument, fx.App.Today.AddDays(-30)), "测试", TestContext.Current.CancellationToken);
        }

        var id = await fx.App.PublishAsync(new Gongkai.Data.Publishing.PublicationInput("BGQ-04", title, "用工单位使用劳务派遣工的，应当备案。", 1, null, "北人社发〔2026〕5号", null, fx.App.Today.AddDays(-30)));
        var item = $"/admin/publications/{id}";

        var clerk = await fx.StaffAsync("经办人", "BGQ-04");
        await clerk.GotoAsync(item);
        await clerk.FillAsync("#revise-body", "用工单位使用劳务派遣工的，应当在用工之日起30日内备案。");
        await clerk.FillAsync("#revise-reason", "明确备案时限");
        await clerk.ClickAsync("#revise button[type=submit]");
        foreach (var (role, step) in new[] { ("审核人", "保密审查"), ("审核人", "审核"), ("分管领导", "签发"), ("经办人", "发布") })
        {
            var person = await fx.StaffAsync(role, "BGQ-04");
            await person.GotoAsync(item);
            await person.ClickAsync("#revision-advance");
            Assert.Contains($"修订已完成「{step}」", await person.InnerTextAsync("main"), StringComparison.Ordinal);
        }

        var reader = await fx.PersonAsync();
        await reader.GotoAsync($"/catalog/{id}");
        Assert.Equal("已修订", (await reader.InnerTextAsync("#revised")).Trim());
        Assert.Contains("明确备案时限", await reader.InnerTextAsync("#revisions"), StringComparison.Ordinal);
        Assert.Contains("30日内备案", await reader.InnerTextAsync("main"), StringComparison.Ordinal);
        await fx.ShotAsync(reader, "19-revised-item");

        async Task<int> InForceAsync(IPage page)
        {
            await page.GotoAsync($"/admin/reports?agency=BGQ-04&year={Year}");
            var row = page.Locator("#preview table.t2 tr", new() { HasText = "规范性文件" });
            return int.Parse(await row.Locator("td.num").Nth(2).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var before = await InForceAsync(clerk);
        var reviewer = await fx.StaffAsync("审核人", "BGQ-04");
        await reviewer.GotoAsync(item);
        await reviewer.SelectOptionAsync("#validity-state", "废止");
        await reviewer.FillAsync("#repealed-by", "北人社发〔2026〕9号");
        await reviewer.ClickAsync("#validity button[type=submit]");
        Assert.Contains("有效性已变更为「废止」", await reviewer.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(before - 1, await InForceAsync(clerk));
        await reader.GotoAsync($"/catalog/{id}");
        Assert.Contains("废止", await reader.InnerTextAsync("#validity-notice"), StringComparison.Ordinal);

        var leader = await fx.StaffAsync("分管领导", "BGQ-04");
        await leader.GotoAsync(item);
        await leader.FillAsync("#withdraw-reason", "误将内部征求意见稿作为正式文件发布");
        await leader.ClickAsync("#withdraw button[type=submit]");
        var gone = await reader.GotoAsync($"/catalog/{id}");
        Assert.Equal(410, gone!.Status);
        Assert.Contains("撤回，不再公开", await reader.InnerTextAsync("#withdrawn"), StringComparison.Ordinal);

        foreach (var (phone, text) in new[] { ("13300000001", "申请公开人社局2026年技能培训补贴发放名单"), ("13300000002", "请公开2026年度技能培训补贴的发放名单"), ("13300000003", "人社局技能培训补贴发放名单（2026年）") })
        {
            var response = await reader.APIRequest.PostAsync("/api/applications", new() { DataObject = new { agencyId = "BGQ-04", applicantType = "natural", name = "申请人", idNumber = "11010519491231002X", phone, description = text, consent = true } });
            Assert.Equal(201, response.Status);
        }

        await clerk.GotoAsync("/admin/suggestions");
        Assert.Contains("3 件相近申请", await clerk.InnerTextAsync("section.suggestion h2"), StringComparison.Ordinal);
        await clerk.ClickAsync("section.suggestion button:has-text('起草主动公开信息')");
        Assert.Contains("依申请公开转主动公开", await clerk.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal("待保密审查", (await clerk.InnerTextAsync("#step")).Trim());
        await fx.ShotAsync(clerk, "20-suggestion-draft");
    }

    /// <summary>
    /// 年报审查 kept (issue 20): a batch with this year's and last year's reports of two streets in four forms, the
    /// comparison of one street with its previous year, two diagnostics turned into problems, the street's clerk
    /// answering one with a corrected report, the reviewer closing it — and the batch's XLSX listing both with their states.
    /// </summary>
    [Fact]
    public async Task ReviewBatch_Comparison_ProblemsAnsweredWithACorrectedReport_AndClosed()
    {
        var year = fx.App.Today.Year - 1;
        AnnualReport Street(string name, int seed, int y)
        {
            var r = Gongkai.Testing.ReportGenerator.Consistent(new Random(seed), Edition.V2021, y);
            r.Agency = name;
            return r;
        }

        var lastYear5 = Street("北关区灯塔路街道办事处", 5, year - 1);
        var thisYear5 = Gongkai.Testing.ReportGenerator.FollowOn(lastYear5, new Random(55));
        var corrected5 = AnnualReportJson.Read(AnnualReportJson.Write(thisYear5));
        thisYear5.Requests!["disclosed"]![0] += 3; // a row that no longer adds up
        var lastYear6 = Street("北关区滨河街道办事处", 6, year - 1);
        var thisYear6 = Gongkai.Testing.ReportGenerator.FollowOn(lastYear6, new Random(66));
        static Microsoft.Playwright.FilePayload File(string name, string mime, byte[] bytes) => new() { Name = name, MimeType = mime, Buffer = bytes };
        var utf8 = System.Text.Encoding.UTF8;

        var reviewer = await fx.StaffAsync("审核人", "BGQ");
        await reviewer.GotoAsync("/admin/review/batches");
        await reviewer.FillAsync("#batch-name", $"{year}年度街道年报审查");
        await reviewer.FillAsync("#batch-year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await reviewer.ClickAsync("#new-batch button[type=submit]");
        var batch = reviewer.Url;
        await reviewer.SetInputFilesAsync("#files", new[]
        {
            File("灯塔路-上年.json", "application/json", utf8.GetBytes(AnnualReportJson.Write(lastYear5))),
            File("灯塔路-本年.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Gongkai.Documents.Reports.ReportDocxWriter.Write(thisYear5)),
            File("滨河-上年.html", "text/html", utf8.GetBytes(Gongkai.Documents.Reports.ReportHtmlWriter.Write(lastYear6))),
            File("滨河-本年.md", "text/markdown", utf8.GetBytes(Gongkai.Documents.Reports.ReportMarkdownWriter.Write(thisYear6))),
        });
        await reviewer.ClickAsync("#upload button[type=submit]");
        Assert.Contains("已加入 4 份报告", await reviewer.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(4, await reviewer.Locator("#reports tbody tr").CountAsync());
        Assert.Equal(0, await reviewer.Locator("#reports tbody tr", new() { HasText = "未匹配" }).CountAsync());
        await fx.ShotAsync(reviewer, "22-review-batch");

        await reviewer.ClickAsync("#comparisons a:has-text('灯塔路')");
        Assert.Contains("上年结转与上年度", await reviewer.InnerTextAsync("#cross-year-ok"), StringComparison.Ordinal);
        var received = reviewer.Locator("#figures tr", new() { HasText = "本年新收政府信息公开申请数量" });
        Assert.Contains(thisYear5.Requests["received"]![6]!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), await received.InnerTextAsync(), StringComparison.Ordinal);
        await fx.ShotAsync(reviewer, "23-review-comparison");
        var docx = await reviewer.APIRequest.GetAsync(reviewer.Url + "?handler=docx");
        Assert.Equal(200, docx.Status);
        var document = XlsxText(await docx.BodyAsync()); // any OOXML package: the text of its XML parts
        Assert.Contains("北关区灯塔路街道办事处", document, StringComparison.Ordinal);
        Assert.Contains("本年新收政府信息公开申请数量", document, StringComparison.Ordinal);

        await reviewer.GotoAsync(batch);
        var errors = reviewer.Locator("section[id^=diagnostics-] li.error");
        Assert.Equal(2, await errors.CountAsync()); // the changed row: its 总计 (row-total) and table 三's 总计 (outcome-total)
        await errors.Nth(0).Locator("button").ClickAsync();
        await reviewer.Locator("section[id^=diagnostics-] li.error").Nth(1).Locator("button").ClickAsync();
        Assert.Equal(2, await reviewer.Locator("#problems tbody tr").CountAsync());
        Assert.Equal(2, await reviewer.Locator("#problems td.state", new() { HasText = "待整改" }).CountAsync());

        var clerk = await fx.StaffAsync("经办人", "BGQ-05");
        await clerk.GotoAsync("/admin/problems");
        var first = clerk.Locator("section.problem").First;
        await first.Locator("textarea").FillAsync("已更正表三「予以公开」一行的数字并重新发布");
        await first.Locator("input[type=file]").SetInputFilesAsync(File("灯塔路-本年-更正版.json", "application/json", utf8.GetBytes(AnnualReportJson.Write(corrected5))));
        await first.Locator("button[type=submit]").ClickAsync();
        Assert.Contains("已答复，等待审查人确认", await clerk.InnerTextAsync("main"), StringComparison.Ordinal);
        await fx.ShotAsync(clerk, "24-problem-answered");

        await reviewer.GotoAsync(batch);
        var answered = reviewer.Locator("#problems tbody tr", new() { HasText = "已答复待确认" });
        Assert.Contains("更正后的年报", await answered.InnerTextAsync(), StringComparison.Ordinal);
        await answered.Locator("button[id^=confirm-]").ClickAsync();
        Assert.Equal(1, await reviewer.Locator("#problems td.state", new() { HasText = "已整改销号" }).CountAsync());
        Assert.Contains("更正版", await reviewer.InnerTextAsync("#reports"), StringComparison.Ordinal);

        await reviewer.ClickAsync("#trends");
        var streets = reviewer.Locator("table.trends").First.Locator("tbody tr");
        Assert.Equal(3, await streets.CountAsync()); // the district's sum, then both streets
        Assert.Contains("（合计）", await streets.First.InnerTextAsync(), StringComparison.Ordinal);
        await reviewer.ClickAsync("table.trends >> nth=0 >> th a:has-text('予以公开率')");
        Assert.Contains("sort=disclosed", reviewer.Url, StringComparison.Ordinal);
        await fx.ShotAsync(reviewer, "25-review-trends");
        var audit = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl, Locale = "zh-CN", BypassCSP = true, StorageState = await reviewer.Context.StorageStateAsync() });
        var auditPage = await audit.NewPageAsync();
        var found = new List<string>();
        foreach (var path in new[] { "/admin/review/batches", batch, reviewer.Url })
        {
            await auditPage.GotoAsync(path);
            found.AddRange(await AccessibilityTests.SeriousViolationsAsync(auditPage));
        }

        await audit.CloseAsync();
        Assert.True(found.Count == 0, string.Join("\n", found));

        var xlsx = await reviewer.APIRequest.GetAsync(batch + "?handler=xlsx");
        Assert.Equal(200, xlsx.Status);
        var text = XlsxText(await xlsx.BodyAsync());
        Assert.Contains("已整改销号", text, StringComparison.Ordinal);
        Assert.Contains("待整改", text, StringComparison.Ordinal);
        Assert.Contains("北关区灯塔路街道办事处", text, StringComparison.Ordinal);
    }

    /// <summary>Every XML part of an OOXML package (XLSX, DOCX) as one string, to look for the texts in it.</summary>
    private static string XlsxText(byte[] bytes)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }

    [Fact]
    public async Task PortalPages_RenderInTheBrowser()
    {
        var page = await fx.PersonAsync();
        foreach (var (path, name, text) in new[]
        {
            ("/catalog", "12-catalog", "政府信息公开目录"), ("/guide", "13-guide", "政府信息公开指南"),
            ("/reports", "14-reports", "政府信息公开年报"), ("/reports/BGQ/2025", "15-report-2025", "北关区人民政府2025年政府信息公开工作年度报告"),
        })
        {
            await page.GotoAsync(path);
            Assert.Contains(text, await page.InnerTextAsync("body"), StringComparison.Ordinal);
            await fx.ShotAsync(page, name);
        }
    }

    [Fact]
    public async Task Review_DrawsTheChartsWithLocalECharts()
    {
        var office = await fx.StaffAsync("经办人", "BGQ");
        await office.GotoAsync("/admin/review");
        var seeds = Directory.GetFiles(Path.GetDirectoryName(Gongkai.Testing.SharedFiles.Corpus("seeds", "000_0cabfea7d7ace98a.txt"))!, "*.txt");
        var published = Directory.GetFiles(Path.GetDirectoryName(Gongkai.Testing.SharedFiles.Corpus("published", "huaian-city-2024.pdf"))!, "*.pdf");
        await office.SetInputFilesAsync("#files", [.. seeds, .. published]);
        await office.ClickAsync("form.stack button[type=submit]");
        await office.WaitForSelectorAsync(".chart svg");
        Assert.True(await office.Locator(".chart svg").CountAsync() >= 2);
        Assert.Contains("淮安市", await office.InnerTextAsync("#review-entries"), StringComparison.Ordinal);
        await fx.ShotAsync(office, "16-review");
        await office.Locator(".chart[data-chart=outcomes]").Last.ScreenshotAsync(new() { Path = Path.Combine(fx.Screenshots, "17-review-outcome-chart.png") });
    }
}
