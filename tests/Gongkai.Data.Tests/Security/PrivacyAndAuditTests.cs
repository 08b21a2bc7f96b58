using Gongkai.Core.Cases;
using Gongkai.Core.Statute;
using Gongkai.Data.Audit;
using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Gongkai.Data.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests.Security;

public class PrivacyAndAuditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static NewApplication Application(string number, string phone = "13800138001") =>
        new(number, "JD-01", ApplicantType.Natural, ReceiptChannel.Online, new DateOnly(2026, 3, 2), "张三", phone, "申请公开某项目的批复文件", IdNumber: "11010519491231002X",
            Email: "zs@example.com", Address: "北关区灯塔路18号");

    // The column name is one of the test's own constants, never input.
#pragma warning disable EF1002
    private static string Stored(GongkaiDbContext db, string column, string number) =>
        db.Database.SqlQueryRaw<string>($"SELECT \"{column}\" AS \"Value\" FROM applications WHERE \"TrackingNumber\" = {{0}}", number).Single();
#pragma warning restore EF1002

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PersonalData_IsEncryptedInItsColumns_AndReadsBackInClear(string provider)
    {
        using var test = new TestDatabase(provider);
        await using (var db = await test.OpenWithAgencyAsync())
        {
            await new CaseStore(db).AddAsync(Application("20260302-000001"), "测试", Ct);
        }

        await using var read = test.Open();
        foreach (var column in new[] { "IdNumber", "Phone", "Email", "Address" })
        {
            Assert.StartsWith("pi1:test1:", Stored(read, column, "20260302-000001"), StringComparison.Ordinal);
        }

        var row = await read.Applications.SingleAsync(Ct);
        Assert.Equal(("11010519491231002X", "13800138001", "zs@example.com", "北关区灯塔路18号"), (row.IdNumber, row.Phone, row.Email, row.Address));
        Assert.Equal(32, row.ApplicantKey!.Length);
        Assert.DoesNotContain("13800138001", row.ApplicantKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARotatedRing_ReadsOldRows_RekeyMovesThemToTheNewKey_AndAMissingKeyIsNamed()
    {
        using var test = new TestDatabase("sqlite");
        var old = PersonalDataKeys.Parse(TestKeysText("k1", 1), "old");
        var rotated = PersonalDataKeys.Parse(TestKeysText("k2", 2) + TestKeysText("k1", 1), "rotated");
        await using (var db = GongkaiDatabase.Open(test.Db, test.Clock, old))
        {
            db.Agencies.Add(new AgencyRow { Id = "JD-01", Name = "北关区灯塔路街道办事处" });
            await db.SaveChangesAsync(Ct);
            await new CaseStore(db).AddAsync(Application("20260302-000001"), "测试", Ct);
        }

        await using (var db = GongkaiDatabase.Open(test.Db, test.Clock, rotated))
        {
            Assert.Equal("13800138001", (await db.Applications.SingleAsync(Ct)).Phone);
            Assert.Equal(1, PersonalDataRekey.Run(db));
            Assert.StartsWith("pi1:k2:", Stored(db, "Phone", "20260302-000001"), StringComparison.Ordinal);
            Assert.Equal(0, PersonalDataRekey.Run(db)); // nothing left under the old key
            // Lookup keys come from the oldest key: the same applicant is still recognised after rotation.
            Assert.Equal(old.LookupKey("tel:13800138001"), rotated.LookupKey("tel:13800138001"));
        }

        await using var stale = GongkaiDatabase.Open(test.Db, test.Clock, old);
        var error = await Assert.ThrowsAsync<PersonalDataKeyException>(() => stale.Applications.SingleAsync(Ct));
        Assert.Contains("密钥 k2 不在密钥环中", error.Message, StringComparison.Ordinal);
    }

    private static string TestKeysText(string id, byte fill) => $"{id} {Convert.ToBase64String(Enumerable.Repeat(fill, 32).ToArray())}\n";

    [Fact]
    public void WithoutConfiguration_ASqliteDatabaseGetsAKeyFileBesideIt_OnlyItsOwnerCanRead_AndPostgresMustBeConfigured()
    {
        var db = Path.Combine(Path.GetTempPath(), $"gongkai-keys-{Guid.NewGuid():N}.db");
        try
        {
            var ring = PersonalDataKeys.Resolve(db, _ => null);
            Assert.True(File.Exists(db + ".keys"));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(db + ".keys"));
            }

            Assert.Equal("secret", PersonalDataKeys.Resolve(db, _ => null).Unprotect(ring.Protect("secret"))); // the same file the second time
            var pg = Assert.Throws<PersonalDataKeyException>(() => PersonalDataKeys.Resolve("Host=127.0.0.1;Database=x", _ => null));
            Assert.Contains(PersonalDataKeys.KeyFileVariable, pg.Message, StringComparison.Ordinal);
            var bad = Assert.Throws<PersonalDataKeyException>(() => PersonalDataKeys.Parse("# c\nk1 not-base64\n", "f.keys"));
            Assert.Contains("f.keys 第 2 行", bad.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(db + ".keys");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheAuditChain_DetectsAnEditedADeletedAndACutOffEntry(string provider)
    {
        using var test = new TestDatabase(provider);
        await using (var db = await test.OpenWithAgencyAsync())
        {
            for (var i = 1; i <= 5; i++)
            {
                db.Audit.Add(AuditRow.Of("测试", "thing", $"k{i}", "changed", new { n = i, 名称 = "灯塔路" }, new { list = new[] { 1, 2 }, b = true }));
                await db.SaveChangesAsync(Ct);
                test.Clock.Advance(TimeSpan.FromTicks(1234567)); // instants PostgreSQL cannot keep to the tick
            }

            Assert.True(AuditChain.Verify(db).Intact, string.Join("; ", AuditChain.Verify(db).Problems));
        }

        await using (var db = test.Open())
        {
            Assert.Equal(5, AuditChain.Verify(db).Entries);
            db.Database.ExecuteSqlRaw("UPDATE audit_log SET \"Action\" = 'deleted' WHERE \"EntityKey\" = 'k2'");
            var edited = AuditChain.Verify(db);
            Assert.False(edited.Intact);
            Assert.Contains(edited.Problems, p => p.Contains("k2", StringComparison.Ordinal) && p.Contains("内容与哈希不符", StringComparison.Ordinal));
        }

        using var second = new TestDatabase(provider);
        await using (var db = await second.OpenWithAgencyAsync())
        {
            for (var i = 1; i <= 4; i++)
            {
                db.Audit.Add(AuditRow.Of("测试", "thing", $"k{i}", "changed"));
                await db.SaveChangesAsync(Ct);
            }

            db.Database.ExecuteSqlRaw("DELETE FROM audit_log WHERE \"EntityKey\" = 'k2'");
            Assert.Contains(AuditChain.Verify(db).Problems, p => p.Contains("缺失", StringComparison.Ordinal));
            db.Database.ExecuteSqlRaw("DELETE FROM audit_log WHERE \"EntityKey\" IN ('k3', 'k4')");
            var cut = AuditChain.Verify(db); // k1 is left: a whole chain of one, but the head says four
            Assert.Contains(cut.Problems, p => p.Contains("链尾", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task EntriesWrittenBeforeTheChain_AreSealedInOrder()
    {
        using var test = new TestDatabase("sqlite");
        await using var db = await test.OpenWithAgencyAsync();
        db.Database.ExecuteSqlRaw("INSERT INTO audit_log (\"AtUtc\", \"Actor\", \"Entity\", \"EntityKey\", \"Action\") VALUES ('2024-01-01 00:00:00', '旧', 'x', 'a', 'old'), ('2024-01-02 00:00:00', '旧', 'x', 'b', 'old')");
        Assert.False(AuditChain.Verify(db).Intact);
        Assert.Equal(2, AuditChain.SealUnchained(db));
        var verified = AuditChain.Verify(db);
        Assert.True(verified.Intact, string.Join("; ", verified.Problems));
        Assert.Equal(2, verified.LastSeq);
    }
}
