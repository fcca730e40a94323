using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Tenon.Types;

namespace Tenon.Wal;

/// <summary>
/// Serializes the catalog's object graph: the definition records (TableDef, ColumnDef,
/// constraints, indexes, sequences, views) and the parsed expressions they hold (defaults, CHECK
/// conditions, index expressions and predicates, view queries). Rather than a hand-written
/// encoder per AST node (there are dozens and the parser keeps adding them), an object is written
/// as its type name and its settable public properties by name, and read back through its
/// constructor (so property defaults of newer builds apply to what an older file lacks) plus the
/// remaining setters. Only types of the Tenon assembly and the scalars below are accepted on
/// reading, so a damaged or hostile file cannot make the reader instantiate anything else.
///
///   TAG  VALUE                         ENCODING AFTER THE TAG
///   0    null                          nothing
///   1    bool                          1 byte
///   2    int                           varint (zig-zag free: .NET's 7-bit encoding of the int)
///   3    long                          8 bytes
///   4    string                        varint byte length, UTF-8
///   5    short                         2 bytes
///   6    uint                          4 bytes
///   7    char                          2 bytes
///   8    enum                          8 bytes (the value; the type comes from the property)
///   9    object                        string type name, varint n, n × (string property name, value)
///   10   list                          varint n, n values (read back as an array, or a List when asked)
///   11   tuple                         varint n, n values (ValueTuple)
///   12   SqlType                       1 byte TypeId, then length, precision, scale as varints
///                                      (an array type then has its element type the same way)
///   13   a stored value                <see cref="ValueCodec"/> encoding (a constant inside an expression)
///   14   SqlType of an enum or domain  the EnumTypeDef or DomainDef object (tag 9) it was made from
///        or composite type             (or the CompositeTypeDef)
///   15   array of a composite type     the CompositeTypeDef object (tag 9) of its element type
/// </summary>
internal static class ObjectCodec
{
    private static readonly Assembly Tenon = typeof(ObjectCodec).Assembly;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static void Write(BinaryWriter w, object? value)
    {
        switch (value)
        {
            case null: w.Write((byte)0); return;
            case bool b: w.Write((byte)1); w.Write(b); return;
            case int i: w.Write((byte)2); w.Write7BitEncodedInt(i); return;
            case long l: w.Write((byte)3); w.Write(l); return;
            case string s: w.Write((byte)4); w.Write(s); return;
            case short s: w.Write((byte)5); w.Write(s); return;
            case uint u: w.Write((byte)6); w.Write(u); return;
            case char c: w.Write((byte)7); w.Write((ushort)c); return;
            case Enum e: w.Write((byte)8); w.Write(Convert.ToInt64(e)); return;
            case SqlType { Domain: not null } or SqlType { Enum: not null } or SqlType { Composite: not null }:
            {
                var t = (SqlType)value;
                w.Write((byte)14);
                Write(w, (object?)t.Domain ?? (object?)t.Enum ?? t.Composite);
                return;
            }
            case SqlType { IsArray: true, Element.Composite: not null }:
                w.Write((byte)15);
                Write(w, ((SqlType)value).Element!.Composite);
                return;
            case SqlType t:
                w.Write((byte)12);
                WriteType(w, t);
                return;
            case ITuple tuple:
                w.Write((byte)11);
                w.Write7BitEncodedInt(tuple.Length);
                for (var i = 0; i < tuple.Length; i++) Write(w, tuple[i]);
                return;
            case byte[] bytes:
                w.Write((byte)13);
                ValueCodec.WriteValue(w, bytes);
                return;
            case IList list:
                w.Write((byte)10);
                w.Write7BitEncodedInt(list.Count);
                foreach (var item in list) Write(w, item);
                return;
        }
        var type = value.GetType();
        // Values (a partition bound's array or row, a constant) are written as the log writes them, not as catalog objects.
        if (type.Assembly != Tenon || type.IsValueType || value is TsVector or TsQuery or JsonValue or PgArray or PgRecord)
        {
            if (IsStoredValue(value))
            {
                w.Write((byte)13);
                ValueCodec.WriteValue(w, value);
                return;
            }
            throw new NotSupportedException($"cannot store a catalog object of type {type}");
        }
        w.Write((byte)9);
        w.Write(type.FullName!);
        var props = PropertiesOf(type);
        w.Write7BitEncodedInt(props.Length);
        foreach (var p in props)
        {
            w.Write(p.Name);
            Write(w, p.GetValue(value));
        }
    }

    private static bool IsStoredValue(object value) =>
        value is Numeric or float or double or Guid or PgDate or PgTimestamp or PgTimestampTz or PgInterval or PgTime or byte[] or PgInet or PgEnumValue or TsVector or TsQuery or JsonValue
            or PgArray or PgRecord;

    /// <summary>Reads a value and converts it to <paramref name="target"/> (the declared type of the property or element).</summary>
    public static object? Read(BinaryReader r, Type target)
    {
        var tag = r.ReadByte();
        switch (tag)
        {
            case 0: return null;
            case 1: return r.ReadBoolean();
            case 2: return r.Read7BitEncodedInt();
            case 3: return r.ReadInt64();
            case 4: return r.ReadString();
            case 5: return r.ReadInt16();
            case 6: return r.ReadUInt32();
            case 7: return (char)r.ReadUInt16();
            case 8:
            {
                var raw = r.ReadInt64();
                var enumType = Nullable.GetUnderlyingType(target) ?? target;
                if (!enumType.IsEnum) throw new InvalidDataException($"an enum value for {target}");
                return Enum.ToObject(enumType, raw);
            }
            case 9: return ReadObject(r, target);
            case 10:
            {
                var n = Count(r);
                var element = ElementType(target);
                var array = Array.CreateInstance(element, n);
                for (var i = 0; i < n; i++) array.SetValue(Read(r, element), i);
                if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(List<>))
                    return Activator.CreateInstance(target, array);
                return array;
            }
            case 11:
            {
                var n = Count(r);
                var types = (Nullable.GetUnderlyingType(target) ?? target).GetGenericArguments();
                if (types.Length != n) throw new InvalidDataException($"a tuple of {n} for {target}");
                var items = new object?[n];
                for (var i = 0; i < n; i++) items[i] = Read(r, types[i]);
                return Activator.CreateInstance(Nullable.GetUnderlyingType(target) ?? target, items);
            }
            case 12: return ReadType(r);
            case 13: return ValueCodec.ReadValue(r);
            case 14:
                return Read(r, typeof(Catalog.UserTypeDef)) is Catalog.UserTypeDef user
                    ? Catalog.SystemCatalog.SqlTypeOf(user) : throw new InvalidDataException("a user type without its definition");
            case 15:
                return Read(r, typeof(Catalog.UserTypeDef)) is Catalog.CompositeTypeDef composite
                    ? SqlType.ArrayOf(SqlType.OfComposite(composite)) : throw new InvalidDataException("a composite array type without its element's definition");
            default: throw new InvalidDataException($"unknown catalog tag {tag}");
        }
    }

    /// <summary>A SqlType: TypeId byte, length, precision, scale; an array type is followed by its element type.</summary>
    internal static void WriteType(BinaryWriter w, SqlType t)
    {
        w.Write((byte)t.Id);
        w.Write7BitEncodedInt(t.Length);
        w.Write7BitEncodedInt(t.Precision);
        w.Write7BitEncodedInt(t.Scale);
        if (t.IsArray) WriteType(w, t.Element!);
    }

    internal static SqlType ReadType(BinaryReader r)
    {
        var id = (TypeId)r.ReadByte();
        var length = r.Read7BitEncodedInt();
        var precision = r.Read7BitEncodedInt();
        var scale = r.Read7BitEncodedInt();
        if (id == TypeId.Array)
        {
            var element = ReadType(r);
            if (element.IsArray) throw new InvalidDataException("array of arrays");
            return SqlType.ArrayOf(element);
        }
        if (!Enum.IsDefined(id)) throw new InvalidDataException($"unknown type id {id}");
        return SqlType.FromParts(id, length, precision, scale);
    }

    private static int Count(BinaryReader r)
    {
        var n = r.Read7BitEncodedInt();
        if (n < 0 || n > 10_000_000) throw new InvalidDataException($"bad count {n}");
        return n;
    }

    private static Type ElementType(Type target)
    {
        if (target.IsArray) return target.GetElementType()!;
        if (target.IsGenericType && target.GetGenericArguments().Length == 1) return target.GetGenericArguments()[0];
        if (target == typeof(object)) return typeof(object);
        throw new InvalidDataException($"a list for {target}");
    }

    private static object ReadObject(BinaryReader r, Type target)
    {
        var name = r.ReadString();
        var type = Tenon.GetType(name, throwOnError: false)
            ?? throw new InvalidDataException($"unknown catalog type {name}");
        if (type.IsValueType || type.IsAbstract || !target.IsAssignableFrom(type))
            throw new InvalidDataException($"catalog type {name} where {target} belongs");
        var n = Count(r);
        var values = new Dictionary<string, object?>(n, StringComparer.Ordinal);
        var props = PropertiesOf(type).ToDictionary(p => p.Name, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var prop = r.ReadString();
            if (!props.TryGetValue(prop, out var p)) throw new InvalidDataException($"{name} has no property {prop}");
            values[prop] = Read(r, p.PropertyType);
        }
        // The constructor with the most parameters that all name properties (a record's primary one).
        var ctor = type.GetConstructors()
            .Where(c => c.GetParameters().All(pa => props.ContainsKey(Capitalized(pa.Name!))))
            .MaxBy(c => c.GetParameters().Length)
            ?? throw new InvalidDataException($"catalog type {name} cannot be constructed");
        var args = ctor.GetParameters().Select(pa =>
            values.TryGetValue(Capitalized(pa.Name!), out var v) ? v : pa.HasDefaultValue ? pa.DefaultValue : null).ToArray();
        var obj = ctor.Invoke(args);
        var used = ctor.GetParameters().Select(pa => Capitalized(pa.Name!)).ToHashSet(StringComparer.Ordinal);
        foreach (var (prop, v) in values)
            if (!used.Contains(prop)) props[prop].SetValue(obj, v);
        return obj;
    }

    // Record parameters are named like their properties; a plain class's parameters in camelCase.
    private static string Capitalized(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>Public instance properties with a setter (init included), by name: the state of a record.</summary>
    private static PropertyInfo[] PropertiesOf(Type type) => Properties.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && p.SetMethod is not null)
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .ToArray());
}
