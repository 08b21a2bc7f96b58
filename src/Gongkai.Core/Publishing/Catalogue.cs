namespace Gongkai.Core.Publishing;

/// <summary>A catalogue category: one item of 条例 第二十条 (the 15 categories every agency must disclose proactively).</summary>
public sealed record CatalogueCategory(int Number, string Label);

/// <summary>
/// The classification of the 政府信息公开目录: the 15 items of 条例 第二十条 (2019, verbatim) and the
/// 26 基层政务公开 pilot areas of 国办发〔2019〕54号 (titles as compiled in reference/gip-rules.md §5;
/// the official enumeration was not retrieved, so the list is data that can be corrected in one place).
/// </summary>
public static class Catalogue
{
    public static IReadOnlyList<CatalogueCategory> Categories { get; } =
    [
        new(1, "行政法规、规章和规范性文件"),
        new(2, "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"),
        new(3, "国民经济和社会发展规划、专项规划、区域规划及相关政策"),
        new(4, "国民经济和社会发展统计信息"),
        new(5, "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"),
        new(6, "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定"),
        new(7, "财政预算、决算信息"),
        new(8, "行政事业性收费项目及其依据、标准"),
        new(9, "政府集中采购项目的目录、标准及实施情况"),
        new(10, "重大建设项目的批准和实施情况"),
        new(11, "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"),
        new(12, "突发公共事件的应急预案、预警信息及应对情况"),
        new(13, "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"),
        new(14, "公务员招考的职位、名额、报考条件等事项以及录用结果"),
        new(15, "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"),
    ];

    public static IReadOnlyList<string> Areas { get; } =
    [
        "重大建设项目", "公共资源交易", "财政预决算", "安全生产", "税收管理", "征地补偿", "国有土地上房屋征收与补偿", "生态环境",
        "公共文化服务", "扶贫", "义务教育", "就业", "社会保险", "社会救助", "养老服务", "户籍管理", "涉农补贴", "卫生健康",
        "市政服务", "农村危房改造", "保障性住房", "食品药品监管", "城市综合执法", "公共法律服务", "救灾", "城乡规划",
    ];

    /// <summary>「第二十条第（N）项」 in the 条例's numbering.</summary>
    public static string ItemName(int number) => $"第二十条第（{Numeral(number)}）项";

    private static string Numeral(int n) => n switch
    {
        < 1 or > 19 => throw new ArgumentOutOfRangeException(nameof(n)),
        < 10 => "一二三四五六七八九"[n - 1].ToString(),
        10 => "十",
        _ => "十" + "一二三四五六七八九"[n - 11],
    };

    public static CatalogueCategory? Category(int number) => Categories.FirstOrDefault(c => c.Number == number);

    /// <summary>
    /// 索引号 per the 目录系统实施指引: 前段码 (the publisher's 组织机构代码 or 统一社会信用代码, dashes dropped)
    /// «/» year «-» five-digit serial.
    /// </summary>
    public static string IndexNumber(string publisherCode, int year, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serial, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 99999);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{publisherCode.Replace("-", "", StringComparison.Ordinal)}/{year:D4}-{serial:D5}");
    }
}
