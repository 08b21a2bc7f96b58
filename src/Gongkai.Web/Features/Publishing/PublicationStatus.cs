using System.Globalization;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Publishing;
using Gongkai.Data.Model;
using Gongkai.Data.Publishing;

namespace Gongkai.Web.Features.Publishing;

/// <summary>Where an item stands in its review chain and against 第二十六条's 20 working days.</summary>
public sealed record PublicationStatus(PublicationRow Row, IReadOnlyList<ReviewRecord> Done, ReviewStep? Next, ComputedDate Due, DateOnly Today)
{
    public static PublicationStatus Of(PublicationRow row, DateOnly today)
    {
        var done = PublicationStore.Records(row);
        return new PublicationStatus(row, done, PublicationReview.Next(done), PublicationStore.Due(row), today);
    }

    public string StepText => Row.WithdrawnAtUtc is not null ? "已撤回" : Next is { } n ? $"待{PublicationReview.Label(n)}" : "已发布";

    public bool Late => (Row.PublishedOn ?? Today) > Due.Date;

    public string TimelinessText => Row.PublishedOn is { } published
        ? (published <= Due.Date ? "按时发布" : "逾期发布") + $"（期限 {Due.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）"
        : (Late ? "已超期" : "期限") + $" {Due.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public string TimelinessClass => Late ? "red" : Row.PublishedOn is null ? "amber" : "green";
}
