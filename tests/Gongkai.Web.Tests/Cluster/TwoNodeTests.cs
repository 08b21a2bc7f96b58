using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Gongkai.Web.Tests.Cluster;

/// <summary>
/// Two web nodes on one PostgreSQL and one Redis (DESIGN §8, issue 17), started by <c>scripts/cluster-test-nodes.sh</c>
/// from <c>scripts/test.sh</c>, which passes their addresses in <c>GONGKAI_TEST_NODE_A</c>/<c>_B</c>. Run alone: the
/// tests share the two nodes, and the last one kills node A.
/// </summary>
[CollectionDefinition("cluster", DisableParallelization = true)]
public sealed class ClusterCollection;

[Collection("cluster")]
[TestCaseOrderer(typeof(ByNameOrderer))]
public class TwoNodeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Env(string name) => Environment.GetEnvironmentVariable(name) ?? "";

    private static string NodeA => Env("GONGKAI_TEST_NODE_A");

    private static string NodeB => Env("GONGKAI_TEST_NODE_B");

    /// <summary>Skipped only when the tests run outside scripts/test.sh (which always starts the nodes, or says why it could not).</summary>
    private static void RequireNodes()
    {
        if (Env("GONGKAI_TEST_CLUSTER_ERROR") is { Length: > 0 } error)
        {
            Assert.Fail("the two nodes did not start: " + error);
        }

        if (NodeA.Length == 0)
        {
            Assert.Skip("two-node test: run through scripts/test.sh, which starts PostgreSQL, Redis and two nodes");
        }
    }

    private static WebClient Client(string node, CookieContainer? jar = null) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = jar ?? new CookieContainer() }) { BaseAddress = new Uri(node), Timeout = TimeSpan.FromSeconds(30) });

    private static async Task<WebClient> SignedInAsync(string node, string userName, CookieContainer? jar = null)
    {
        var client = Client(node, jar);
        await client.LoginAsync(userName, Env("GONGKAI_TEST_DEMO_PASSWORD"));
        return client;
    }

    private static async Task<long> CountAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(Env("GONGKAI_TEST_CLUSTER_DB"));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (value, i) in values.Select((v, i) => (v, i)))
        {
            command.Parameters.AddWithValue("p" + i, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task T1_ASignInOnNodeA_WorksOnNodeB_FormsIncluded()
    {
        RequireNodes();
        var signedIn = new CookieContainer();
        await SignedInAsync(NodeA, "clerk", signedIn);
        var jar = new CookieContainer();
        var cookies = signedIn.GetCookies(new Uri(NodeA));
        Assert.NotEmpty(cookies);
        foreach (Cookie c in cookies)
        {
            jar.Add(new Uri(NodeB), new Cookie(c.Name, c.Value, "/"));
        }

        var onB = Client(NodeB, jar);
        var workspace = await onB.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, workspace.StatusCode);
        Assert.Contains("王经办", await workspace.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // A form of node B posted with node A's sign-in: the antiforgery token checks out on either node.
        var draft = await onB.PostFormAsync("/admin/publications/new",
            ("AgencyId", "BGQ-05"), ("Title", "两节点测试草稿"), ("Category", "15"), ("WrittenOn", "2026-11-02"), ("Validity", "有效"), ("Body", "由节点B保存。"));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
    }

    [Fact]
    public async Task T2_AnItemPublishedOnNodeA_IsOnNodeBsCachedPagesWithinOneSecond()
    {
        RequireNodes();
        var word = "集群缓存" + Guid.NewGuid().ToString("N")[..6];
        var reader = Client(NodeB);
        for (var i = 0; i < 2; i++)
        {
            Assert.DoesNotContain(word, await reader.GetStringAsync("/catalog"), StringComparison.Ordinal); // now in the shared cache
        }

        var clerk = await SignedInAsync(NodeA, "clerk");
        var draft = await clerk.PostFormAsync("/admin/publications/new",
            ("AgencyId", "BGQ-05"), ("Title", word + "公告"), ("Category", "15"), ("WrittenOn", "2026-11-02"), ("Validity", "有效"), ("Body", "两个节点共用一个输出缓存。"));
        var item = draft.Headers.Location!.OriginalString;
        foreach (var (node, user, step) in new[] { (NodeB, "reviewer", "SecrecyChecked"), (NodeA, "reviewer2", "Reviewed"), (NodeB, "leader", "Signed") })
        {
            var person = await SignedInAsync(node, user);
            Assert.Equal(HttpStatusCode.Redirect, (await person.PostFormAsync(item, ("step", step))).StatusCode);
        }

        var publisher = await SignedInAsync(NodeA, "clerk2");
        Assert.Equal(HttpStatusCode.Redirect, (await publisher.PostFormAsync(item, ("step", "Published"))).StatusCode);
        var clock = Stopwatch.StartNew();
        while (!(await reader.GetStringAsync("/catalog")).Contains(word, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "node B still serves the catalogue without the item 1 s after it was published on node A");
            await Task.Delay(50, Ct);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1));
        TestContext.Current.TestOutputHelper?.WriteLine($"published on A, on B's /catalog after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task T3_TheDailyDeadlineScan_RunsOnceWithTwoNodesUp_AndNoFiringRunsTwice()
    {
        RequireNodes();
        Assert.Equal(HttpStatusCode.OK, (await Client(NodeA).GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client(NodeB).GetAsync("/health")).StatusCode);
        var at = DateTimeOffset.FromUnixTimeSeconds(long.Parse(Env("GONGKAI_TEST_SCAN_AT"), System.Globalization.CultureInfo.InvariantCulture));
        // The nodes fire by the real clock; the test reads it from the shared database server, not from its own machine.
        async Task<DateTimeOffset> NowAsync() => DateTimeOffset.FromUnixTimeMilliseconds(await CountAsync("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint"));
        // Both nodes were up before the scan time (the script starts them, then sets it two minutes ahead); wait for it if it is still to come.
        while (await NowAsync() < at.AddSeconds(20)
            && await CountAsync("SELECT count(*) FROM job_runs WHERE \"Job\" = 'deadline-scan' AND \"FinishedAtUtc\" IS NOT NULL") == 0)
        {
            await Task.Delay(1000, Ct);
        }

        await Task.Delay(5000, Ct); // a second node firing the same trigger would have done so by now
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM job_runs WHERE \"Job\" = 'deadline-scan'"));
        Assert.Equal(at.ToUnixTimeSeconds(), await CountAsync("SELECT extract(epoch FROM \"FireTimeUtc\")::bigint FROM job_runs WHERE \"Job\" = 'deadline-scan'"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM job_runs WHERE \"Job\" = 'deadline-scan' AND \"Summary\" LIKE '新进入%'"));
        // The staff reminder fires every 3 s: many firings, each run by exactly one of the two nodes.
        Assert.True(await CountAsync("SELECT count(*) FROM job_runs WHERE \"Job\" = 'staff-reminder'") >= 10);
        var logs = string.Concat(new[] { "a.log", "b.log" }.Select(f => File.ReadAllText(Path.Combine(Env("GONGKAI_TEST_CLUSTER_DIR"), f))));
        Assert.DoesNotContain("already run on another node", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task T4_FiveHundredApplicationsToBothNodes_WithNodeAKilledHalfway_EveryOneAnswered201IsStoredOnce()
    {
        RequireNodes();
        var run = Guid.NewGuid().ToString("N")[..8];
        var clients = new[] { Client(NodeA).Http, Client(NodeB).Http };
        var accepted = new System.Collections.Concurrent.ConcurrentBag<(int Index, string Number)>();
        var failures = 0;
        var next = -1;
        var killed = 0;
        async Task WorkerAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < 500)
            {
                if (i == 250 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    Process.GetProcessById(int.Parse(Env("GONGKAI_TEST_NODE_A_PID"), System.Globalization.CultureInfo.InvariantCulture)).Kill(); // SIGKILL
                }

                try
                {
                    using var response = await clients[i % 2].PostAsJsonAsync("/api/applications", new
                    {
                        agencyId = "BGQ-05", applicantType = "natural", name = "集群", idNumber = "11010519491231002X", phone = "13900001111",
                        description = $"申请公开两节点测试{run}第{i}件", consent = true,
                    }, Ct);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        accepted.Add((i, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("trackingNumber").GetString()!));
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures); // node A is gone
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => WorkerAsync()));

        TestContext.Current.TestOutputHelper?.WriteLine($"201: {accepted.Count}, connection failures (node A killed at #250): {failures}");
        Assert.True(accepted.Count >= 350, $"only {accepted.Count} of 500 answered 201 ({failures} failed)");
        Assert.True(failures >= 100, $"node A was not down: {failures} failures");
        Assert.Equal(accepted.Count, accepted.Select(a => a.Number).Distinct().Count());
        foreach (var (index, number) in accepted)
        {
            Assert.Equal(1, await CountAsync("SELECT count(*) FROM applications WHERE \"TrackingNumber\" = @p0 AND \"Description\" = @p1", number, $"申请公开两节点测试{run}第{index}件"));
        }

        Assert.Equal(accepted.Count, await CountAsync("SELECT count(*) FROM applications WHERE \"Description\" LIKE @p0 AND \"TrackingNumber\" = ANY(@p1)", $"申请公开两节点测试{run}%", accepted.Select(a => a.Number).ToArray()));
    }
}

/// <summary>Runs the two-node tests in the order of their names (T1…T4): the last one kills node A.</summary>
public sealed class ByNameOrderer : Xunit.v3.ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases) where TTestCase : notnull, Xunit.Sdk.ITestCase =>
        testCases.OrderBy(t => t.TestMethodName, StringComparer.Ordinal).ToArray();
}
