using Gongkai.Core.Cases;
using Gongkai.Core.Identity;

namespace Gongkai.Core.Tests.Identity;

public class TotpAndDocumentsTests
{
    // RFC 6238 appendix B, SHA-1 key "12345678901234567890": the 8-digit codes end in these 6 digits.
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Totp_MatchesTheRfc6238TestVectors(long unixSeconds, string code)
    {
        var key = Totp.FromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        Assert.Equal("12345678901234567890"u8.ToArray(), key);
        var at = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        Assert.Equal(code, Totp.Code(key, at));
        Assert.True(Totp.Verify(key, code, at));
        Assert.True(Totp.Verify(key, code, at.AddSeconds(30)));   // one step of drift either way
        Assert.False(Totp.Verify(key, code, at.AddSeconds(95)));
        Assert.False(Totp.Verify(key, "12345", at));
    }

    [Theory]
    [InlineData(IdentityDocumentType.Passport, "e 1234 5678", "E12345678")]
    [InlineData(IdentityDocumentType.HongKongMacaoPermit, "M1234567801", "M1234567801")]
    [InlineData(IdentityDocumentType.TaiwanPermit, "12345678", "12345678")]
    [InlineData(IdentityDocumentType.ForeignerPermanentResidence, "usa123456789012", "USA123456789012")]
    [InlineData(IdentityDocumentType.ForeignerPermanentResidence, "93310019900101123X", "93310019900101123X")]
    [InlineData(IdentityDocumentType.ResidentCard, "11010519491231002x", "11010519491231002X")]
    public void Documents_AreAcceptedInTheirFormat(IdentityDocumentType type, string typed, string stored) =>
        Assert.Equal(stored, IdentityDocuments.Check(type, typed, new DateOnly(2026, 11, 2), out _));

    [Theory]
    [InlineData(IdentityDocumentType.Passport, "E1", "护照号码应为5–17 位字母或数字")]
    [InlineData(IdentityDocumentType.HongKongMacaoPermit, "C12345678", "H 或 M 开头")]
    [InlineData(IdentityDocumentType.TaiwanPermit, "", "请填写台湾居民来往大陆通行证号码")]
    [InlineData(IdentityDocumentType.ForeignerPermanentResidence, "12345678901234567", "外国人永久居留身份证号码应为")]
    [InlineData(IdentityDocumentType.ResidentCard, "110105194912310021", "校验")]
    public void WrongNumbers_AreRefusedWithTheReason(IdentityDocumentType type, string typed, string reason)
    {
        Assert.Null(IdentityDocuments.Check(type, typed, new DateOnly(2026, 11, 2), out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_RoundTrip_AndAnEmptyCodeIsTheResidentCard()
    {
        foreach (var type in IdentityDocuments.All)
        {
            Assert.Equal(type, IdentityDocuments.FromCode(type.Code()));
        }

        Assert.Equal(IdentityDocumentType.ResidentCard, IdentityDocuments.FromCode(null));
        Assert.Null(IdentityDocuments.FromCode("driving-licence"));
    }

    [Fact]
    public void Masks_ShowEnoughToRecognise_NotToUse()
    {
        Assert.Equal("1101**********002X", Masking.IdNumber("11010519491231002X"));
        Assert.Equal("E****5678", Masking.IdNumber("E12345678"));
        Assert.Equal("139****5678", Masking.Phone("+86 139-1234-5678"));
        Assert.Equal("031*****8888", Masking.Phone("0311-66668888"));
        Assert.Equal("z***@example.com", Masking.Email("zhangsan@example.com"));
        Assert.Equal("河北省石家庄……", Masking.Address("河北省石家庄市北关区灯塔路18号"));
    }
}
