using Gongkai.Core.Calendar;
using Gongkai.Core.Notifications;

namespace Gongkai.Core.Tests.Notifications;

public class MessageTemplateTests
{
    [Fact]
    public void AnUnknownPlaceholder_IsRefusedWithFileLineAndName()
    {
        var e = Assert.Throws<TemplateException>(() => MessageTemplate.Parse("decided.email.txt", "主题：答复\n您好：\n编号 {申请编号}，经办人 {经办人电话}", Messages.CasePlaceholders.ToArray()));
        Assert.Contains("decided.email.txt 第 3 行", e.Message, StringComparison.Ordinal);
        Assert.Contains("{经办人电话}", e.Message, StringComparison.Ordinal);
        Assert.Throws<TemplateException>(() => MessageTemplate.Parse("x.txt", "编号 {申请编号", Messages.CasePlaceholders.ToArray()));
        Assert.Throws<TemplateException>(() => MessageTemplate.Parse("x.txt", "主题：只有主题", Messages.CasePlaceholders.ToArray()));
    }

    [Fact]
    public void Render_FillsSubjectAndBody_AndAMissingValueIsAnError()
    {
        var t = MessageTemplate.Parse("received.email.txt", "主题：已收到（{申请编号}）\n{申请人}：\n{受理机关}已收到。", Messages.CasePlaceholders.ToArray());
        var (subject, body) = t.Render(new Dictionary<string, string> { ["申请编号"] = "20261102-123456", ["申请人"] = "张三先生", ["受理机关"] = "北关区教育局" });
        Assert.Equal("已收到（20261102-123456）", subject);
        Assert.Equal("张三先生：\n北关区教育局已收到。", body);
        Assert.Throws<TemplateException>(() => t.Render(new Dictionary<string, string> { ["申请编号"] = "1" }));
    }

    [Fact]
    public void AnSms_StaysInOneSegment()
    {
        Assert.Equal("短\n信".Replace('\n', ' '), MessageTemplate.OneSegment("短\n信"));
        var cut = MessageTemplate.OneSegment(new string('字', 100));
        Assert.Equal(Messages.SmsSegment, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 11, 2, 7, 59, false)]
    [InlineData(2026, 11, 2, 8, 0, true)]
    [InlineData(2026, 11, 2, 19, 59, true)]
    [InlineData(2026, 11, 2, 20, 0, false)]
    [InlineData(2026, 11, 2, 21, 0, false)]
    [InlineData(2026, 11, 8, 10, 0, false)] // Sunday
    [InlineData(2026, 10, 1, 10, 0, false)] // 国庆节
    public void Reminders_OnlyOnWorkingDaysFrom8To20(int y, int m, int d, int h, int min, bool may) =>
        Assert.Equal(may, QuietHours.MaySendReminders(new DateTimeOffset(y, m, d, h, min, 0, ChinaClock.Offset), WorkdayCalendar.Default));

    [Fact]
    public void EveryStepThatTellsTheApplicant_HasAMessage_AndOthersNone()
    {
        Assert.Equal(MessageKind.Decided, Messages.For(new Gongkai.Core.Cases.Decided(new DateOnly(2026, 1, 5), Gongkai.Core.Statute.Outcome.NoCorrection)));
        Assert.Null(Messages.For(new Gongkai.Core.Cases.Withdrawn(new DateOnly(2026, 1, 5))));
        Assert.Null(Messages.For(new Gongkai.Core.Cases.FeePaid(new DateOnly(2026, 1, 5))));
    }
}
