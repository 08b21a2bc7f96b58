using System.Text;

namespace Gongkai.Testing;

/// <summary>
/// Damages a report's text the ways real files get damaged: deleted, repeated, swapped and joined
/// lines, cut lines, flipped bytes, inserted digits, separators and noise, a truncated file. Used by
/// the reader's robustness tests and by <c>bench fuzz</c>.
/// </summary>
public static class ReportMutator
{
    private const string Noise = "0123456789０１２３\t  一二三四五（）()、.，。总计其他-—+\n#*\u2028";

    public static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        for (var m = random.Next(1, 8); m > 0 && lines.Count > 0; m--)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(9))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[random.Next(lines.Count)]);
                    break;
                case 2:
                    var other = random.Next(lines.Count);
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                    break;
                case 3 when at + 1 < lines.Count:
                    lines[at] += lines[at + 1]; // joined lines
                    lines.RemoveAt(at + 1);
                    break;
                case 4:
                    lines[at] = lines[at][..random.Next(lines[at].Length + 1)];
                    break;
                case 5:
                    lines[at] = Flip(lines[at], random);
                    break;
                case 6:
                    lines[at] = Insert(lines[at], random, "0123456789");
                    break;
                case 7:
                    lines[at] = Insert(lines[at], random, " \t\n\u3000  ");
                    break;
                default:
                    lines.RemoveRange(at, lines.Count - at); // truncated file
                    break;
            }
        }

        return string.Join('\n', lines);
    }

    private static string Flip(string line, Random random)
    {
        if (line.Length == 0)
        {
            return line;
        }

        var bytes = Encoding.UTF8.GetBytes(line);
        for (var k = random.Next(1, 4); k > 0; k--)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static string Insert(string line, Random random, string alphabet)
    {
        var sb = new StringBuilder(line);
        for (var k = random.Next(1, 6); k > 0; k--)
        {
            var pool = random.Next(2) == 0 ? alphabet : Noise;
            sb.Insert(random.Next(sb.Length + 1), pool[random.Next(pool.Length)]);
        }

        return sb.ToString();
    }
}
