namespace Tenon.TextSearch;

/// <summary>
/// The Snowball English ("Porter2") stemmer, written from the published description of the
/// algorithm (snowballstem.org/algorithms/english/stemmer.html): exceptional forms, regions R1
/// and R2, then steps 0, 1a, 1b, 1c, 2, 3, 4 and 5. Takes a lower-case word. Characters other
/// than a–z count as non-vowels, as they do in the Snowball code PostgreSQL runs.
/// </summary>
public static class EnglishStemmer
{
    private static readonly Dictionary<string, string> Exceptions1 = new()
    {
        ["skis"] = "ski", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["idly"] = "idl", ["gently"] = "gentl", ["ugly"] = "ugli", ["early"] = "earli", ["only"] = "onli",
        ["singly"] = "singl", ["sky"] = "sky", ["news"] = "news", ["howe"] = "howe", ["atlas"] = "atlas",
        ["cosmos"] = "cosmos", ["bias"] = "bias", ["andes"] = "andes",
    };

    private static readonly HashSet<string> Exceptions2 = ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"];

    private static readonly string[] Step2Suffixes =
        ["ization", "ational", "fulness", "ousness", "iveness", "tional", "biliti", "lessli", "entli", "ation", "alism",
         "aliti", "ousli", "iviti", "fulli", "enci", "anci", "abli", "izer", "ator", "alli", "bli", "ogi", "li"];

    private static readonly string[] Step3Suffixes = ["ational", "tional", "alize", "icate", "iciti", "ative", "ical", "ness", "ful"];

    private static readonly string[] Step4Suffixes =
        ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "al", "er", "ic"];

    public static string Stem(string word)
    {
        if (Exceptions1.TryGetValue(word, out var exceptional)) return exceptional;
        if (word.Length < 3) return word;
        var w = new System.Text.StringBuilder(word);
        // Prelude: an initial apostrophe goes; y at the start or after a vowel is a consonant (Y).
        if (w[0] == '\'') w.Remove(0, 1);
        if (w.Length > 0 && w[0] == 'y') w[0] = 'Y';
        for (var i = 1; i < w.Length; i++)
            if (w[i] == 'y' && IsVowel(w[i - 1])) w[i] = 'Y';
        var (r1, r2) = Regions(w);

        Step0(w);
        if (!Step1a(w)) return Finish(w);
        if (Exceptions2.Contains(w.ToString())) return Finish(w);
        Step1b(w, r1);
        Step1c(w);
        Step2(w, r1);
        Step3(w, r1, r2);
        Step4(w, r2);
        Step5(w, r1, r2);
        return Finish(w);
    }

    private static string Finish(System.Text.StringBuilder w) => w.Replace('Y', 'y').ToString();

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static (int R1, int R2) Regions(System.Text.StringBuilder w)
    {
        var s = w.ToString();
        int r1;
        if (s.StartsWith("gener", StringComparison.Ordinal) || s.StartsWith("arsen", StringComparison.Ordinal)) r1 = 5;
        else if (s.StartsWith("commun", StringComparison.Ordinal)) r1 = 6;
        else r1 = AfterVowelConsonant(s, 0);
        return (r1, AfterVowelConsonant(s, r1));
    }

    // The position after the first non-vowel that follows a vowel, from start (the length when none).
    private static int AfterVowelConsonant(string s, int start)
    {
        for (var i = start + 1; i < s.Length; i++)
            if (!IsVowel(s[i]) && IsVowel(s[i - 1])) return i + 1;
        return s.Length;
    }

    private static bool EndsWith(System.Text.StringBuilder w, string suffix)
    {
        if (w.Length < suffix.Length) return false;
        for (var i = 0; i < suffix.Length; i++)
            if (w[w.Length - suffix.Length + i] != suffix[i]) return false;
        return true;
    }

    private static void Replace(System.Text.StringBuilder w, int suffixLength, string with)
    {
        w.Length -= suffixLength;
        w.Append(with);
    }

    private static string? Longest(System.Text.StringBuilder w, string[] suffixes)
    {
        string? best = null;
        foreach (var s in suffixes)
            if (EndsWith(w, s) && (best is null || s.Length > best.Length)) best = s;
        return best;
    }

    private static bool HasVowel(System.Text.StringBuilder w, int end)
    {
        for (var i = 0; i < end; i++)
            if (IsVowel(w[i])) return true;
        return false;
    }

    // A short syllable ending at end (exclusive): non-vowel, vowel, non-vowel other than w x Y;
    // or, at the start of the word, vowel then non-vowel.
    private static bool EndsInShortSyllable(System.Text.StringBuilder w, int end)
    {
        if (end >= 3 && !IsVowel(w[end - 1]) && w[end - 1] is not ('w' or 'x' or 'Y') && IsVowel(w[end - 2]) && !IsVowel(w[end - 3])) return true;
        return end == 2 && IsVowel(w[0]) && !IsVowel(w[1]);
    }

    private static void Step0(System.Text.StringBuilder w)
    {
        foreach (var s in new[] { "'s'", "'s", "'" })
        {
            if (EndsWith(w, s))
            {
                w.Length -= s.Length;
                return;
            }
        }
    }

    // Returns false when the word is to be left as it is (an exceptional form after 1a is checked by the caller).
    private static bool Step1a(System.Text.StringBuilder w)
    {
        if (EndsWith(w, "sses")) Replace(w, 4, "ss");
        else if (EndsWith(w, "ied") || EndsWith(w, "ies")) Replace(w, 3, w.Length > 4 ? "i" : "ie");
        else if (EndsWith(w, "us") || EndsWith(w, "ss")) { }
        else if (EndsWith(w, "s") && HasVowel(w, w.Length - 2)) w.Length -= 1;
        return true;
    }

    private static void Step1b(System.Text.StringBuilder w, int r1)
    {
        var suffix = Longest(w, ["eedly", "ingly", "edly", "eed", "ing", "ed"]);
        if (suffix is null) return;
        if (suffix is "eed" or "eedly")
        {
            if (w.Length - suffix.Length >= r1) Replace(w, suffix.Length, "ee");
            return;
        }
        var stemEnd = w.Length - suffix.Length;
        if (!HasVowel(w, stemEnd)) return;
        w.Length = stemEnd;
        if (EndsWith(w, "at") || EndsWith(w, "bl") || EndsWith(w, "iz")) w.Append('e');
        else if (w.Length >= 2 && w[^1] == w[^2] && w[^1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't') w.Length -= 1;
        else if (r1 >= w.Length && EndsInShortSyllable(w, w.Length)) w.Append('e');
    }

    private static void Step1c(System.Text.StringBuilder w)
    {
        if (w.Length > 2 && w[^1] is 'y' or 'Y' && !IsVowel(w[^2])) w[^1] = 'i';
    }

    private static void Step2(System.Text.StringBuilder w, int r1)
    {
        var s = Longest(w, Step2Suffixes);
        if (s is null || w.Length - s.Length < r1) return;
        switch (s)
        {
            case "tional": Replace(w, 6, "tion"); break;
            case "enci": Replace(w, 4, "ence"); break;
            case "anci": Replace(w, 4, "ance"); break;
            case "abli": Replace(w, 4, "able"); break;
            case "entli": Replace(w, 5, "ent"); break;
            case "izer" or "ization": Replace(w, s.Length, "ize"); break;
            case "ational" or "ation" or "ator": Replace(w, s.Length, "ate"); break;
            case "alism" or "aliti" or "alli": Replace(w, s.Length, "al"); break;
            case "fulness": Replace(w, 7, "ful"); break;
            case "ousli" or "ousness": Replace(w, s.Length, "ous"); break;
            case "iveness" or "iviti": Replace(w, s.Length, "ive"); break;
            case "biliti" or "bli": Replace(w, s.Length, "ble"); break;
            case "ogi":
                if (w.Length > 3 && w[w.Length - 4] == 'l') Replace(w, 3, "og");
                break;
            case "fulli": Replace(w, 5, "ful"); break;
            case "lessli": Replace(w, 6, "less"); break;
            case "li":
                if (w.Length > 2 && w[w.Length - 3] is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't') w.Length -= 2;
                break;
        }
    }

    private static void Step3(System.Text.StringBuilder w, int r1, int r2)
    {
        var s = Longest(w, Step3Suffixes);
        if (s is null || w.Length - s.Length < r1) return;
        switch (s)
        {
            case "tional": Replace(w, 6, "tion"); break;
            case "ational": Replace(w, 7, "ate"); break;
            case "alize": Replace(w, 5, "al"); break;
            case "icate" or "iciti" or "ical": Replace(w, s.Length, "ic"); break;
            case "ful" or "ness": w.Length -= s.Length; break;
            case "ative":
                if (w.Length - 5 >= r2) w.Length -= 5;
                break;
        }
    }

    private static void Step4(System.Text.StringBuilder w, int r2)
    {
        var s = Longest(w, Step4Suffixes);
        if (s is null || w.Length - s.Length < r2) return;
        if (s == "ion")
        {
            if (w.Length > 3 && w[w.Length - 4] is 's' or 't') w.Length -= 3;
            return;
        }
        w.Length -= s.Length;
    }

    private static void Step5(System.Text.StringBuilder w, int r1, int r2)
    {
        if (EndsWith(w, "e"))
        {
            var at = w.Length - 1;
            if (at >= r2 || (at >= r1 && !EndsInShortSyllable(w, at))) w.Length -= 1;
        }
        else if (EndsWith(w, "l"))
        {
            if (w.Length - 1 >= r2 && w.Length > 1 && w[^2] == 'l') w.Length -= 1;
        }
    }
}
