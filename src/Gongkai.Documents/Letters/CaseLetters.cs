using Gongkai.Core.Identity;
using Gongkai.Core.Cases;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Statute;

namespace Gongkai.Documents.Letters;

/// <summary>The letters a case produces, one per ledger step that the applicant or a third party must be told of.</summary>
public enum LetterKind
{
    /// <summary>补正申请告知书 (条例 第三十条).</summary>
    Correction,

    /// <summary>征求意见函 (第三十二条 third party; 第三十四条 another agency).</summary>
    Consultation,

    /// <summary>延期答复告知书 (第三十三条第二款).</summary>
    Extension,

    /// <summary>收费通知书 (国办函〔2020〕109号).</summary>
    Fee,

    /// <summary>政府信息公开申请答复书 (第三十六条–第三十九条).</summary>
    Decision,
}

/// <summary>The case facts a letter quotes.</summary>
/// <param name="Email">Where an electronic copy is sent, if the applicant gave one.</param>
/// <param name="Address">The applicant's 通信地址, where the letter is posted, if given.</param>
/// <param name="Organisation">The applicant is a 法人或其他组织: letters say 「你单位」, to a person 「你」.</param>
/// <param name="ReconsiderationBody">The 行政复议机关 the 答复书 names (agency settings, see AgencyDirectory.RemedyBodiesAsync).</param>
/// <param name="Court">The court the 答复书 names.</param>
/// <param name="AgencyContact">The agency's contact line from its 指南 settings (<see cref="CaseLetters.ContactLine"/>), closing every letter to the applicant.</param>
public sealed record CaseFacts(string TrackingNumber, string AgencyName, string ApplicantName, string Description, string? Email = null, string? Address = null,
    bool Organisation = false, string? ReconsiderationBody = null, string? Court = null, Honorific Honorific = Honorific.None, string? AgencyContact = null)
{
    /// <summary>Who the letter is addressed to: 「张三先生」, 「李四女士」, or the name as given (<see cref="Honorifics.Addressee"/>).</summary>
    public string Addressee => Honorifics.Addressee(ApplicantName, Honorific, Organisation);

    /// <summary>How the letter addresses the applicant.</summary>
    public string You => Organisation ? "你单位" : "你";

    /// <summary>The 送达 line of a letter to the applicant, or null when no address or email was given.</summary>
    public string? Delivery => (Address, Email) switch
    {
        ({ Length: > 0 } a, { Length: > 0 } e) => $"送达地址：{a}；电子邮箱：{e}。",
        ({ Length: > 0 } a, _) => $"送达地址：{a}。",
        (_, { Length: > 0 } e) => $"电子邮箱：{e}。",
        _ => null,
    };
}

/// <summary>The letter templates: fixed legal wording with the case's facts and dates filled in.</summary>
public static class CaseLetters
{
    public static string FileName(LetterKind kind) => kind switch
    {
        LetterKind.Correction => "补正申请告知书",
        LetterKind.Consultation => "征求意见函",
        LetterKind.Extension => "延期答复告知书",
        LetterKind.Fee => "收费通知书",
        LetterKind.Decision => "政府信息公开申请答复书",
    };

    /// <summary>Whether the ledger has the step a letter reports (no 延期 letter without an approved extension).</summary>
    public static bool Applies(LetterKind kind, CaseLedger ledger) => kind switch
    {
        LetterKind.Correction => ledger.CorrectionRequest is not null,
        LetterKind.Consultation => ledger.Consultations.Count > 0,
        LetterKind.Extension => ledger.Extension is not null,
        LetterKind.Fee => ledger.FeeNotice is not null,
        LetterKind.Decision => ledger.Decision is not null,
    };

    /// <summary>「联系地址：…（邮政编码 …）；联系电话：…；电子邮箱：…。」 from what the agency's settings hold, or null.</summary>
    public static string? ContactLine(string? address, string? postalCode, string? phone, string? email)
    {
        var parts = new List<string>();
        if (address is { Length: > 0 })
        {
            parts.Add($"联系地址：{address}" + (postalCode is { Length: > 0 } ? $"（邮政编码 {postalCode}）" : ""));
        }

        if (phone is { Length: > 0 })
        {
            parts.Add($"联系电话：{phone}");
        }

        if (email is { Length: > 0 })
        {
            parts.Add($"电子邮箱：{email}");
        }

        return parts.Count == 0 ? null : "本机关" + string.Join("；", parts) + "。";
    }

    public static Letter For(LetterKind kind, CaseFacts facts, CaseLedger ledger)
    {
        var letter = Compose(kind, facts, ledger);
        return kind != LetterKind.Consultation && facts.AgencyContact is { } contact ? letter with { Paragraphs = [.. letter.Paragraphs, contact] } : letter;
    }

    private static Letter Compose(LetterKind kind, CaseFacts facts, CaseLedger ledger)
    {
        if (!Applies(kind, ledger))
        {
            throw new InvalidOperationException($"案件 {facts.TrackingNumber} 没有与「{FileName(kind)}」对应的办理事项");
        }

        var received = LetterDocxWriter.ChineseDate(ledger.Receipt.On);
        var opening = $"{facts.You}于{received}向本机关提出的政府信息公开申请（申请编号：{facts.TrackingNumber}）收悉。{facts.You}申请获取：“{facts.Description}”。";
        var reference = $"（申请编号：{facts.TrackingNumber}）";
        return kind switch
        {
            LetterKind.Correction => new Letter(FileName(kind), facts.Addressee,
            [
                opening,
                $"经审查，{facts.You}的申请内容不明确，本机关无法确定{facts.You}所需的政府信息。根据《中华人民共和国政府信息公开条例》第三十条的规定，请{facts.You}在收到本告知书之日起{ledger.CorrectionRequest!.Workdays}个工作日内，对所需政府信息的名称、文号或者便于本机关查询的其他特征性描述作出补正，并提交本机关。"
                    + (ledger.CorrectionRequest.Items is { } items ? $"需要补正的事项：{items}" : ""),
                "答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
            ], facts.AgencyName, ledger.CorrectionRequest!.On, reference),
            LetterKind.Consultation => new Letter(FileName(kind), ledger.Consultations[^1].Party == ConsultationParty.ThirdParty ? "第三方" : "有关机关",
            [
                $"本机关于{received}收到政府信息公开申请（申请编号：{facts.TrackingNumber}），申请人申请获取：“{facts.Description}”。",
                ledger.Consultations[^1].Party == ConsultationParty.ThirdParty
                    ? "经审查，该政府信息的公开可能损害你（单位）的合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求你（单位）的意见。请于收到本函之日起15个工作日内提出意见；逾期未提出意见的，由本机关依照条例的规定决定是否公开。"
                    : "经审查，该政府信息由本机关与你机关共同制作（或其公开需经你机关确认）。根据《中华人民共和国政府信息公开条例》第三十三条第三款、第三十四条的规定，现征求你机关的意见，请于收到本函之日起15个工作日内提出意见。",
            ], facts.AgencyName, ledger.Consultations[^1].Sent, reference),
            LetterKind.Extension => new Letter(FileName(kind), facts.Addressee,
            [
                opening,
                $"因需要对所申请的信息进行检索、审查，本机关不能在法定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{ledger.Extension!.Workdays}个工作日，本机关将于{LetterDocxWriter.ChineseDate(CaseDeadlines.AnswerDue(ledger)!.Date)}前（含当日）作出答复。",
                "特此告知。",
            ], facts.AgencyName, ledger.Extension.On, reference),
            LetterKind.Fee => new Letter(FileName(kind), facts.Addressee,
            [
                opening,
                $"{facts.You}申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关将收取信息处理费，金额及计算方式见所附计费清单。",
                $"请{facts.You}自收到本通知之日起20个工作日内缴纳费用。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。",
            ], facts.AgencyName, ledger.FeeNotice!.On, reference),
            LetterKind.Decision => Decision(facts, ledger, opening, reference),
        };
    }

    private static Letter Decision(CaseFacts facts, CaseLedger ledger, string opening, string reference)
    {
        var decided = ledger.Decision!;
        var row = RequestTable.RowFor(decided.Outcome, Edition.V2021);
        var basis = row.LegalBasis is { } b ? $"根据《中华人民共和国政府信息公开条例》{b}的规定，" : "";
        var finding = decided.Outcome switch
        {
            Outcome.Disclosed => $"经审查，{facts.You}申请获取的政府信息属于公开范围，本机关予以公开，现将该信息提供给{facts.You}。",
            Outcome.PartlyDisclosed => $"经审查，{facts.You}申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，本机关向{facts.You}提供可以公开的部分。",
            Outcome.NotHeld => $"经检索查找，本机关未制作或者获取{facts.You}申请的政府信息。",
            Outcome.NeedsCreation => $"经审查，{facts.You}申请的信息需要本机关对现有政府信息进行加工、分析，本机关不予提供。",
            _ => $"经审查，{facts.You}的申请属于“{CaseOutcomeText(decided.Outcome)}”的情形。",
        };
        var paragraphs = new List<string> { opening, basis + finding };
        if (decided.Reasons is { Length: > 0 } reasons)
        {
            paragraphs.Add((decided.Outcome == Outcome.PartlyDisclosed ? "不予公开部分的理由：" : "理由：") + reasons);
        }

        paragraphs.Add(Remedies.Sentence(Remedies.For(decided.Outcome, decided.On), facts.ReconsiderationBody, facts.Court));
        if (facts.Delivery is { } delivery)
        {
            paragraphs.Add(delivery);
        }

        return new Letter(CaseLetters.FileName(LetterKind.Decision), facts.Addressee, paragraphs, facts.AgencyName, decided.On, reference);
    }

    private static string CaseOutcomeText(Outcome outcome)
    {
        var row = RequestTable.RowFor(outcome, Edition.V2021);
        var label = row.Label.TrimStart('1', '2', '3', '4', '5', '6', '7', '8', '.');
        return row.Group is { } g ? $"{g.Trim('（', '）', '一', '二', '三', '四', '五', '六')}：{label}" : label;
    }
}
