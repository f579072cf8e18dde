using System.Text;
using RecurrentGpt.Core.Memory;

namespace RecurrentGpt.Infrastructure.Offline;

/// <summary>Sentence banks and the seeded choices the offline writer makes from them, in English and Chinese.</summary>
internal sealed class OfflineProse
{
    private static readonly string[] EnglishPlaces = ["the old harbour", "the archive under the bridge", "the night market", "the empty observatory", "the border station", "the flooded chapel", "the rooftop garden", "the last train south"];
    private static readonly string[] EnglishObjects = ["the brass key", "the unsigned letter", "the cracked compass", "the ledger of debts", "the photograph with a torn corner", "the sealed cylinder", "the silver ring", "the map drawn in pencil"];
    private static readonly string[] EnglishMoods = ["a slow, cold dread", "a stubborn hope", "the old anger", "a tiredness older than the night", "a reckless calm", "a grief with no name yet"];

    private static readonly string[] EnglishScene =
    [
        "{A} stood at the edge of {P}, turning {O} over in both hands while the light thinned.",
        "Somewhere behind the walls a door closed, and {A} counted the seconds before speaking.",
        "{B} had promised there would be answers here, but {B} had promised many things.",
        "The air smelled of rain and rust, and {A} felt {M} settle in the chest.",
        "{A} remembered the last time {O} had changed hands, and how little it had seemed to cost then.",
        "Nobody in {P} spoke of it openly, yet everyone seemed to know where {A} was going.",
        "\"We do this once,\" {B} said, \"and we do it properly.\"",
        "{A} did not answer at first; the silence said enough.",
        "A lamp swung on its chain, throwing long shadows that made the place look larger than it was.",
        "{C} watched from a distance, as {C} always did, saying nothing that could be repeated later.",
        "It would have been easy to turn back, and {A} thought about it for exactly one breath.",
        "The footsteps came closer, paused, and then went on past without a word.",
        "{B} laughed, but it was the short laugh of someone who has run out of better answers.",
        "By the time the bells rang, {A} had made the decision that everything after would depend on.",
        "{A} wrote three words on the back of a ticket and slipped it into a coat pocket for later.",
        "There was a pattern in all of it, {A} was sure, if only the pieces would hold still.",
        "{C} finally spoke, and the words changed the shape of the whole evening.",
        "Outside, the wind worked at the shutters as if it wanted to be let in on the secret.",
    ];

    private static readonly string[] EnglishFacts =
    [
        "{A} lives near {P} and has not left the district in years.",
        "{A} wants to learn the truth about {O} before {B} does.",
        "{B} knows more about {O} than {B} admits.",
        "{C} owes {A} a debt that neither of them mentions.",
        "The trouble began when {O} went missing a month ago.",
        "{A} distrusts {B} but needs {B}'s help to reach {P}.",
        "{C} has been seen near {P} at night, always alone.",
        "{A} carries {M} since the night of the fire.",
        "Everyone in the district has a reason to keep quiet about {O}.",
        "{B} is running out of time and money, and {A} suspects it.",
        "{A} once hid a second copy of the evidence at {P2}.",
        "{C} keeps a list of everyone who has asked about {O}.",
        "The harbour master refuses to say who paid for the night crossing.",
        "{B} and {C} were partners once, until a quarrel nobody explains.",
        "{A} heard a voice on the radio repeat the same three numbers.",
        "A stranger in a grey coat has followed {A} twice this week.",
        "{A} promised a dying friend to finish what they started.",
        "The only other person who handled {O} disappeared last winter.",
        "{C} lies easily but has never lied to {A}.",
        "The district council wants the whole matter buried before the election.",
        "{B} sleeps badly and walks to {P2} when the bells ring.",
        "{A} suspects the fire was not an accident.",
        "Someone has been leaving unsigned notes under {A}'s door.",
        "{A} fears that finding the truth will cost a friendship.",
        "The ferry to {P2} has been cancelled three nights running without explanation.",
        "{C} paid for a room above the bakery in cash and gave a false name.",
        "{B} keeps a pistol that has not been fired in ten years.",
        "The last entry in the harbour log was written in a hand nobody recognises.",
        "{A} has until the end of the month before the lease on the workshop runs out.",
        "A child in the district claims to have seen lights moving under the water.",
    ];

    private static readonly string[] ChinesePlaces = ["旧港口", "桥下的档案馆", "夜市", "废弃的天文台", "边境车站", "被淹没的礼拜堂", "屋顶花园", "南下的末班车"];
    private static readonly string[] ChineseObjects = ["那把铜钥匙", "那封没有署名的信", "那只裂了的罗盘", "那本账簿", "那张缺了一角的照片", "那个密封的铁筒", "那枚银戒指", "那张铅笔画的地图"];
    private static readonly string[] ChineseMoods = ["一阵缓慢而冰冷的恐惧", "一股倔强的希望", "那股旧日的怒气", "一种比夜还深的疲惫", "一种近乎鲁莽的平静"];

    private static readonly string[] ChineseScene =
    [
        "{A}站在{P}的边上，双手翻来覆去地摆弄着{O}，天色一点点暗下去。",
        "墙后某处有一扇门关上了，{A}默数了几秒才开口。",
        "{B}说过这里会有答案，可{B}说过的话太多了。",
        "空气里有雨水和铁锈的味道，{A}觉得胸口压着{M}。",
        "{A}想起上一次{O}易手的时候，那时候代价似乎还很小。",
        "{P}没有人公开谈论这件事，可每个人似乎都知道{A}要去哪里。",
        "“这种事只做一次，”{B}说，“要做就做好。”",
        "{A}起初没有回答，沉默已经说明了一切。",
        "一盏灯在链子上摇晃，把影子拉得很长，让这里显得比实际更大。",
        "{C}远远地看着，一如既往，不说任何可能被转述的话。",
        "转身离开本来很容易，{A}也确实想了那么一瞬。",
        "脚步声越来越近，停了一下，又一言不发地走远了。",
        "{B}笑了，那是一个再也找不到更好答案的人才会有的短促笑声。",
        "钟声响起的时候，{A}已经做出了那个决定，之后的一切都取决于它。",
        "{C}终于开口，这句话改变了整个夜晚的走向。",
        "窗外的风不停地拍打百叶窗，像是也想知道这个秘密。",
    ];

    private static readonly string[] ChineseFacts =
    [
        "{A}住在{P}附近，已经多年没有离开过这一带。",
        "{A}想在{B}之前弄清{O}的真相。",
        "{B}对{O}知道的比承认的多。",
        "{C}欠{A}一笔谁也不提的人情。",
        "麻烦始于一个月前{O}的失踪。",
        "{A}不信任{B}，却需要{B}帮忙才能到达{P}。",
        "有人在夜里看见{C}独自出现在{P}附近。",
        "自从那场大火之后，{A}心里一直带着{M}。",
        "这一带的每个人都有理由对{O}保持沉默。",
        "{B}的时间和钱都快用完了，{A}已经有所察觉。",
        "{A}曾在{P2}藏了一份证据的副本。",
        "{C}记着每一个打听过{O}的人的名字。",
        "港务长始终不肯说是谁付了那趟夜航的钱。",
        "{B}和{C}曾经是搭档，后来因为一场没人解释的争吵分道扬镳。",
        "{A}在收音机里听见一个声音反复念着同样的三个数字。",
        "这一周里，一个穿灰大衣的陌生人已经两次跟踪{A}。",
        "{A}答应过一位临终的朋友，要把他们开始的事做完。",
        "唯一经手过{O}的另一个人去年冬天失踪了。",
        "{C}说谎从不脸红，却从没骗过{A}。",
        "区议会想在选举之前把整件事压下去。",
        "{B}睡不好，每当钟声响起就会走到{P2}去。",
        "{A}怀疑那场大火并不是意外。",
        "有人一直往{A}的门缝里塞没有署名的纸条。",
        "{A}担心查清真相会失去一段友谊。",
        "去{P2}的渡轮已经连续三晚停航，没有任何解释。",
        "{C}用现金租下了面包店楼上的房间，登记的是假名字。",
        "{B}有一把十年没开过火的手枪。",
        "港口日志的最后一条记录，字迹没有人认得。",
        "到月底，{A}工作室的租约就要到期了。",
        "这一带有个孩子说自己看见水下有灯光在移动。",
    ];

    private readonly Random _random;
    private readonly OfflineCast _cast;

    public OfflineProse(bool chinese, uint seed, OfflineCast cast)
    {
        Chinese = chinese;
        _random = new Random((int)(seed & 0x7FFFFFFF));
        _cast = cast;
        Place = Pick(chinese ? ChinesePlaces : EnglishPlaces);
        Thing = Pick(chinese ? ChineseObjects : EnglishObjects);
    }

    public bool Chinese { get; }

    public string Place { get; }

    public string Thing { get; }

    public string Pick(IReadOnlyList<string> options) => options[_random.Next(options.Count)];

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    /// <summary>Scene sentences, opened by <paramref name="lead"/>, until the text reaches about <paramref name="targetUnits"/>.</summary>
    public string Paragraph(string lead, int targetUnits)
    {
        int target = Math.Max(30, targetUnits + _random.Next(-targetUnits / 8, (targetUnits / 8) + 1));
        var text = new StringBuilder(lead);
        string[] bank = Chinese ? ChineseScene : EnglishScene;
        int start = _random.Next(bank.Length);
        for (int i = 0; TextMeasure.CountUnits(text.ToString()) < target && i < 200; i++)
        {
            Append(text, Fill(bank[(start + i) % bank.Length]));
        }

        return text.ToString();
    }

    /// <summary>Plain facts about the cast, for a memory of about <paramref name="targetUnits"/>.</summary>
    public List<string> Facts(int targetUnits)
    {
        string[] bank = Chinese ? ChineseFacts : EnglishFacts;
        var facts = new List<string>();
        int units = 0;
        int start = _random.Next(bank.Length);
        for (int i = 0; i < bank.Length; i++)
        {
            string fact = Fill(bank[(start + i) % bank.Length]);
            int size = TextMeasure.CountUnits(fact);
            if (units + size > targetUnits)
            {
                continue;
            }

            facts.Add(fact);
            units += size;
        }

        return facts;
    }

    public string Fill(string template) => template
        .Replace("{A}", OfflineCast.Short(_cast.Lead), StringComparison.Ordinal)
        .Replace("{B}", OfflineCast.Short(_cast.Second), StringComparison.Ordinal)
        .Replace("{C}", OfflineCast.Short(_cast.Third), StringComparison.Ordinal)
        .Replace("{P}", Place, StringComparison.Ordinal)
        .Replace("{O}", Thing, StringComparison.Ordinal)
        .Replace("{M}", Pick(Chinese ? ChineseMoods : EnglishMoods), StringComparison.Ordinal)
        .Replace("{P2}", Pick(Chinese ? ChinesePlaces : EnglishPlaces), StringComparison.Ordinal);

    /// <summary>A clause made from the first sentence of <paramref name="text"/>, at most <paramref name="maxUnits"/> long.</summary>
    public string Clause(string text, int maxUnits)
    {
        string first = SentenceSplitter.Split(text).FirstOrDefault() ?? text;
        string clause = TextMeasure.TakeUnits(first, maxUnits).TrimEnd('.', '。', '!', '！', '?', '？', ';', '；', ',', '，');
        return Chinese ? clause : Lower(clause);
    }

    public void Append(StringBuilder text, string sentence)
    {
        if (text.Length > 0 && !Chinese)
        {
            text.Append(' ');
        }

        text.Append(sentence);
    }

    private static string Lower(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) && !text.StartsWith("I ", StringComparison.Ordinal) && !IsNameStart(text)
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;

    // A capitalised first word followed by a lower-case verb is probably a name ("Mara crosses"): leave it capitalised.
    private static bool IsNameStart(string text)
    {
        int space = text.IndexOf(' ', StringComparison.Ordinal);
        string first = space > 0 ? text[..space] : text;
        return first is not ("The" or "A" or "An" or "It" or "There" or "This" or "That" or "Somewhere" or "Nobody" or "Everyone"
            or "At" or "In" or "On" or "When" or "Then" or "But" or "And" or "As" or "After" or "Before" or "What" or "By" or "Outside");
    }
}
