using Gongkai.Core.Cases;

namespace Gongkai.Core.Tests.Cases;

public class ApplicationIntakeRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);

    private static ApplicationFields Valid() =>
        new("natural", "张三", "11010519491231002X", null, "13800138001", null, null, "申请公开某项目的实施方案", null, Consent: true);

    [Fact]
    public void AValidApplication_HasNoErrors() => Assert.Empty(ApplicationIntakeRules.Validate(Valid(), Today));

    [Fact]
    public void EachMissingOrBadField_IsNamed()
    {
        var errors = ApplicationIntakeRules.Validate(new ApplicationFields("robot", "", null, null, "12", "x", new string('址', 401), "短", null, Honorific: "sir"), Today);
        Assert.Equal(["address", "applicantType", "consent", "description", "email", "honorific", "name", "phone"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnOrganisation_NeedsItsCreditCode_NotAnIdNumber()
    {
        var errors = ApplicationIntakeRules.Validate(Valid() with { ApplicantType = "commercial", CreditCode = "123" }, Today);
        Assert.Equal(["creditCode"], errors.Keys);
    }

    [Theory]
    [InlineData("+86 138-0013-8001", "13800138001", true)]
    [InlineData("0086 13800138001", "138 0013 8001", true)]
    [InlineData("0311-66668888", "031166668888", true)]
    [InlineData("13800138001", "13800138002", false)]
    public void PhoneNumbers_TypedTwoWays_AreTheSame(string a, string b, bool same) => Assert.Equal(same, PhoneNumbers.Same(a, b));

    [Fact]
    public void Consent_IsRequiredOnline_NotForStaffRegistration()
    {
        Assert.Equal([ApplicationIntakeRules.ConsentRequired], ApplicationIntakeRules.Validate(Valid() with { Consent = null }, Today)["consent"]);
        Assert.Contains("consent", ApplicationIntakeRules.Validate(Valid() with { Consent = false }, Today).Keys);
        Assert.Empty(ApplicationIntakeRules.Validate(Valid() with { Consent = null }, Today, requireConsent: false));
    }

    [Theory]
    [InlineData("+86 138-0013-8001", true)]
    [InlineData("0086 13800138001", true)]
    [InlineData("0311-66668888", false)]
    [InlineData("23800138001", false)]
    public void Sms_GoesOnlyToAMobileNumber(string phone, bool mobile)
    {
        Assert.Equal(mobile, PhoneNumbers.IsMobile(phone));
        Assert.Equal(!mobile, ApplicationIntakeRules.Validate(Valid() with { Phone = phone, Notify = ["sms"] }, Today).ContainsKey("notify"));
    }
}
