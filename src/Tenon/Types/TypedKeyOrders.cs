using Tenon.Storage;


namespace Tenon.Types;

/// <summary>
/// Index key orders specialized to their column types: for a key of one or two columns of a
/// common type, <see cref="KeyComparer"/> hands its index a comparer whose per-column comparison
/// is an unbox and a compare the JIT inlines, instead of <see cref="ValueComparer.Compare"/>'s
/// switch behind two interface calls. The order is exactly <see cref="KeyComparer"/>'s with no
/// DESC and no NULLS FIRST: the same per-type comparison as ValueComparer, NULL after every value
/// and equal to NULL, and only the columns both keys have compared (a prefix equals its extensions).
/// </summary>
internal static class TypedKeyOrders
{
    /// <summary>A comparison of two non-null values of one column type.</summary>
    internal interface IColumnOrder
    {
        static abstract int Compare(object a, object b);

        /// <summary>
        /// An integer whose order agrees with <see cref="Compare"/>'s: a smaller one means a
        /// smaller value; equal ones mean equal values when <see cref="IsExact"/>. Null for a
        /// value not of the type (left to <see cref="Compare"/>, which fails on it as ValueComparer does).
        /// </summary>
        static abstract long? Abbreviate(object a);

        static abstract bool IsExact { get; }
    }

    internal readonly struct Int2Order : IColumnOrder
    {
        public static int Compare(object a, object b) => ((short)a).CompareTo((short)b);

        public static long? Abbreviate(object a) => a is short v ? v : null;

        public static bool IsExact => true;
    }

    internal readonly struct Int4Order : IColumnOrder
    {
        public static int Compare(object a, object b) => ((int)a).CompareTo((int)b);

        public static long? Abbreviate(object a) => a is int v ? v : null;

        public static bool IsExact => true;
    }

    internal readonly struct Int8Order : IColumnOrder
    {
        public static int Compare(object a, object b) => ((long)a).CompareTo((long)b);

        public static long? Abbreviate(object a) => a is long v ? v : null;

        public static bool IsExact => true;
    }

    internal readonly struct TextOrder : IColumnOrder
    {
        public static int Compare(object a, object b) => ValueComparer.CompareText((string)a, (string)b);

        public static long? Abbreviate(object a) => a is string v ? AbbreviateText(v) : null;

        public static bool IsExact => false;
    }

    internal readonly struct UuidOrder : IColumnOrder
    {
        public static int Compare(object a, object b) => ValueComparer.CompareUuid((Guid)a, (Guid)b);

        public static long? Abbreviate(object a) => a is Guid v ? (long)(ValueText.UuidHalves(v).High ^ 0x8000_0000_0000_0000UL) : null;

        public static bool IsExact => false;
    }

    internal readonly struct DateOrder : IColumnOrder
    {
        public static int Compare(object a, object b) => ((PgDate)a).Days.CompareTo(((PgDate)b).Days);

        public static long? Abbreviate(object a) => a is PgDate v ? v.Days : null;

        public static bool IsExact => true;
    }

    internal readonly struct TimestampOrder : IColumnOrder
    {
        public static int Compare(object a, object b) => ((PgTimestamp)a).Microseconds.CompareTo(((PgTimestamp)b).Microseconds);

        public static long? Abbreviate(object a) => a is PgTimestamp v ? v.Microseconds : null;

        public static bool IsExact => true;
    }

    internal readonly struct TimestamptzOrder : IColumnOrder
    {
        public static int Compare(object a, object b) => ((PgTimestampTz)a).Microseconds.CompareTo(((PgTimestampTz)b).Microseconds);

        public static long? Abbreviate(object a) => a is PgTimestampTz v ? v.Microseconds : null;

        public static bool IsExact => true;
    }

    /// <summary>
    /// The first units of a string in <see cref="ValueComparer.CompareText"/>'s order (a unit
    /// remapped so that surrogates sort above U+E000..U+FFFF): the first exactly, in 17 bits (0
    /// past the end, so a shorter string sorts first, else the unit plus one); the next five in 8
    /// bits each, the same way while the unit is below 254, else 255, after which nothing more is
    /// taken. That keeps the order: two strings that differ first at a unit taken in full compare
    /// by it; two that differ only after a saturated unit abbreviate equal and are compared in full.
    /// Text keys so tell apart six leading units of ASCII or Latin-1 (codes, names, e-mail
    /// addresses share long prefixes), and the first of any other script.
    /// </summary>
    private static long AbbreviateText(string s)
    {
        long v = s.Length == 0 ? 0 : Remapped(s[0]) + 1;
        for (var i = 1; i < 6; i++)
        {
            long unit = 0;
            if (i < s.Length)
            {
                var x = Remapped(s[i]);
                unit = x < 254 ? x + 1 : 255;
            }
            v = (v << 8) | unit;
            if (unit == 255) return v << (8 * (5 - i));
        }
        return v;
    }

    private static int Remapped(char unit) => unit >= 0xD800 ? unit >= 0xE000 ? unit - 0x800 : unit + 0x2000 : unit;

    /// <summary>NULLS LAST around a column order; null equals null.</summary>
    private static int CompareColumn<T>(object? a, object? b) where T : struct, IColumnOrder
    {
        if (a is null) return b is null ? 0 : 1;
        if (b is null) return -1;
        return T.Compare(a, b);
    }

    // A key without its first column (an empty prefix) or with NULL there is not abbreviated.
    private static bool TryAbbreviateFirst<T>(object?[] key, out long abbreviation) where T : struct, IColumnOrder
    {
        if (key.Length > 0 && key[0] is { } first && T.Abbreviate(first) is { } value)
        {
            abbreviation = value;
            return true;
        }
        abbreviation = 0;
        return false;
    }

    internal readonly struct OneColumn<T> : IAbbreviatingKeyOrder where T : struct, IColumnOrder
    {
        public bool AbbreviationIsKey => T.IsExact;

        public bool TryAbbreviate(object?[] key, out long abbreviation) => TryAbbreviateFirst<T>(key, out abbreviation);

        public int Compare(object?[]? x, object?[]? y)
        {
            if (x!.Length == 0 || y!.Length == 0) return 0;
            return CompareColumn<T>(x[0], y[0]);
        }
    }

    internal readonly struct TwoColumns<T1, T2> : IAbbreviatingKeyOrder where T1 : struct, IColumnOrder where T2 : struct, IColumnOrder
    {
        // Only the first column is abbreviated: equal abbreviations leave the second one to compare.
        public bool AbbreviationIsKey => false;

        public bool TryAbbreviate(object?[] key, out long abbreviation) => TryAbbreviateFirst<T1>(key, out abbreviation);

        public int Compare(object?[]? x, object?[]? y)
        {
            var n = Math.Min(x!.Length, y!.Length);
            if (n == 0) return 0;
            var c = CompareColumn<T1>(x[0], y[0]);
            if (c != 0 || n == 1) return c;
            return CompareColumn<T2>(x[1], y[1]);
        }
    }

    /// <summary>The typed entry comparer for an ascending, NULLS LAST key of these types; null when there is none.</summary>
    internal static IndexEntryComparer? EntryComparer(IReadOnlyList<TypeId> types, KeyComparer general) => types.Count switch
    {
        1 => One(types[0], general),
        2 => Two(types[0], types[1], general),
        _ => null,
    };

    private static IndexEntryComparer? One(TypeId type, KeyComparer general) => type switch
    {
        TypeId.Int2 => IndexEntryComparer.Create(new OneColumn<Int2Order>(), general),
        TypeId.Int4 => IndexEntryComparer.Create(new OneColumn<Int4Order>(), general),
        TypeId.Int8 => IndexEntryComparer.Create(new OneColumn<Int8Order>(), general),
        TypeId.Text or TypeId.Varchar or TypeId.Name => IndexEntryComparer.Create(new OneColumn<TextOrder>(), general),
        TypeId.Uuid => IndexEntryComparer.Create(new OneColumn<UuidOrder>(), general),
        TypeId.Date => IndexEntryComparer.Create(new OneColumn<DateOrder>(), general),
        TypeId.Timestamp => IndexEntryComparer.Create(new OneColumn<TimestampOrder>(), general),
        TypeId.Timestamptz => IndexEntryComparer.Create(new OneColumn<TimestamptzOrder>(), general),
        _ => null,
    };

    private static IndexEntryComparer? Two(TypeId first, TypeId second, KeyComparer general) => first switch
    {
        TypeId.Int4 => Second<Int4Order>(second, general),
        TypeId.Int8 => Second<Int8Order>(second, general),
        TypeId.Text or TypeId.Varchar or TypeId.Name => Second<TextOrder>(second, general),
        TypeId.Uuid => Second<UuidOrder>(second, general),
        _ => null,
    };

    private static IndexEntryComparer? Second<T1>(TypeId second, KeyComparer general) where T1 : struct, IColumnOrder => second switch
    {
        TypeId.Int4 => IndexEntryComparer.Create(new TwoColumns<T1, Int4Order>(), general),
        TypeId.Int8 => IndexEntryComparer.Create(new TwoColumns<T1, Int8Order>(), general),
        TypeId.Text or TypeId.Varchar or TypeId.Name => IndexEntryComparer.Create(new TwoColumns<T1, TextOrder>(), general),
        TypeId.Uuid => IndexEntryComparer.Create(new TwoColumns<T1, UuidOrder>(), general),
        TypeId.Timestamp => IndexEntryComparer.Create(new TwoColumns<T1, TimestampOrder>(), general),
        TypeId.Timestamptz => IndexEntryComparer.Create(new TwoColumns<T1, TimestamptzOrder>(), general),
        TypeId.Date => IndexEntryComparer.Create(new TwoColumns<T1, DateOrder>(), general),
        _ => null,
    };
}
