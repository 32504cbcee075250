using System.Text;

namespace Telnyx.Generated.SpecTool;

/// <summary>The C# names our spec chooses: PascalCase with .NET acronym casing (<c>SendDTMF</c> -> <c>SendDtmf</c>).</summary>
internal static class Naming
{
    /// <summary>Telnyx's operationId as ours: <c>HangupCall</c> -> <c>Hangup</c>, <c>SendDTMF</c> -> <c>SendDtmf</c>.</summary>
    public static string OperationId(string official)
    {
        var words = Words(official);
        // Every operation here acts on a call, so the trailing "Call" only lengthens the C# method name.
        if (words.Count > 1 && words[^1] == "Call")
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Concat(words);
    }

    public static string Pascal(string text)
    {
        var name = string.Concat(Words(text));
        return name.Length > 0 && char.IsDigit(name[0]) ? "Value" + name : name;
    }

    /// <summary>Words for a title: <c>HangupReason</c> -> <c>Hangup Reason</c>.</summary>
    public static string Title(string text) => string.Join(' ', Words(text));

    /// <summary>A description for a field Telnyx left undescribed: <c>client_state</c> -> <c>Client state.</c></summary>
    public static string Sentence(string text)
    {
        var words = Words(text).Select(w => w.ToLowerInvariant()).ToList();
        return words.Count == 0 ? text : char.ToUpperInvariant(words[0][0]) + string.Join(' ', words)[1..] + ".";
    }

    // Words split at separators and case changes; an all-capitals word longer than two letters is an acronym,
    // written like a word (.NET naming guidelines): DTMF -> Dtmf, SIP -> Sip, but IO stays IO.
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            var startsWord = current.Length > 0 && char.IsUpper(c)
                && (char.IsLower(current[^1]) || char.IsDigit(current[^1]) || (i + 1 < text.Length && char.IsLower(text[i + 1])));
            if (startsWord)
            {
                Flush();
            }

            current.Append(c);
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length == 0)
            {
                return;
            }

            var word = current.ToString();
            var acronym = word.Length > 2 && word.All(ch => !char.IsLower(ch));
            words.Add(char.ToUpperInvariant(word[0]) + (acronym ? word[1..].ToLowerInvariant() : word[1..]));
            current.Clear();
        }
    }
}
