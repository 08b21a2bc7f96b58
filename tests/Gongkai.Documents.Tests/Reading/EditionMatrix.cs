using Gongkai.Core.Statute;

namespace Gongkai.Documents.Tests.Reading;

/// <summary>Theory data crossing each of some cases (a form, a scan condition) with each edition of the report format.</summary>
public static class EditionMatrix
{
    public static TheoryData<T, Edition> Of<T>(IEnumerable<T> cases)
    {
        var data = new TheoryData<T, Edition>();
        foreach (var item in cases)
        {
            foreach (var edition in Editions.All)
            {
                data.Add(item, edition);
            }
        }

        return data;
    }
}
