namespace Gongkai.Core.Cases;

/// <summary>How an application arrived; decides which date is the receipt date (条例 第三十一条).</summary>
public enum ReceiptChannel
{
    /// <summary>当面提交: the day of submission.</summary>
    InPerson,

    /// <summary>口头申请、代为填写 (第二十九条): the day of submission.</summary>
    Oral,

    /// <summary>邮寄（挂号等需签收）: the day the agency signs for it.</summary>
    RegisteredPost,

    /// <summary>平常信函: the day the receipt is confirmed with the applicant.</summary>
    OrdinaryLetter,

    /// <summary>互联网渠道: the day both sides confirm.</summary>
    Online,

    /// <summary>传真: the day both sides confirm.</summary>
    Fax,
}

/// <summary>The receipt-date rule of 条例 第三十一条 per channel.</summary>
public static class ReceiptRules
{
    /// <summary>What the recorded date of a channel means, as the explanation states it.</summary>
    public static string DateMeaning(this ReceiptChannel channel) => channel switch
    {
        ReceiptChannel.InPerson => "当面提交，以提交之日为收到申请之日（条例第三十一条第（一）项）",
        ReceiptChannel.Oral => "口头提出、代为填写，以提交之日为收到申请之日（条例第二十九条、第三十一条第（一）项）",
        ReceiptChannel.RegisteredPost => "邮寄，以签收之日为收到申请之日（条例第三十一条第（二）项）",
        ReceiptChannel.OrdinaryLetter => "平常信函，以与申请人确认之日为收到申请之日（条例第三十一条第（二）项）",
        ReceiptChannel.Online => "互联网渠道，以双方确认之日为收到申请之日（条例第三十一条第（三）项）",
        ReceiptChannel.Fax => "传真，以双方确认之日为收到申请之日（条例第三十一条第（三）项）",
    };

    /// <summary>zh-CN channel name.</summary>
    public static string Label(this ReceiptChannel channel) => Vocabulary.Vocabularies.Channels.Label(channel);
}
