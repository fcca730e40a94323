using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.TextSearch;

/// <summary>
/// The built-in trigger function tsvector_update_trigger(tsvector_column, config, text_column…)
/// (pg_proc oid 3752): a BEFORE ROW trigger that sets the tsvector column of NEW from the text
/// columns, parsed one after the other with positions running on, NULLs skipped. On UPDATE the
/// column is recomputed only when a source column changed; PostgreSQL asks whether a source
/// column was a target of the UPDATE, which differs only for an UPDATE that assigns a source
/// column its old value while setting the tsvector column by hand.
/// </summary>
public static class TsVectorUpdateTrigger
{
    public const uint FunctionOid = 3752;
    public const string Name = "tsvector_update_trigger";

    /// <summary>The new row to store (a copy of <paramref name="newRow"/> with the tsvector column set).</summary>
    public static object?[] Run(TriggerDef trigger, TableDef table, string ev, object?[]? oldRow, object?[] newRow)
    {
        if (!trigger.ForEachRow)
            throw new TenonException(SqlState.InternalError, "tsvector_update_trigger: must be fired for row");
        if (trigger.Timing != 'B')
            throw new TenonException(SqlState.InternalError, "tsvector_update_trigger: must be fired BEFORE event");
        if (ev == "delete")
            throw new TenonException(SqlState.InternalError, "tsvector_update_trigger: must be fired for INSERT or UPDATE");
        var args = trigger.Arguments;
        if (args.Count < 3)
            throw new TenonException(SqlState.InvalidParameterValue, "tsvector_update_trigger: arguments must be tsvector_field, ts_config, text_field1, ...)");
        var target = table.FindColumn(args[0])
            ?? throw new TenonException(SqlState.UndefinedColumn, $"tsvector column \"{args[0]}\" does not exist");
        if (target.Type.Id != TypeId.TsVector)
            throw new TenonException(SqlState.DatatypeMismatch, $"column \"{args[0]}\" is not of tsvector type");
        var config = TextSearchConfig.ByOid(TextSearchConfig.ParseName(args[1]))
            ?? throw new TenonException(SqlState.UndefinedObject, $"text search configuration \"{args[1]}\" does not exist");
        var needed = ev == "insert" || oldRow is null;
        var words = new List<(string, IEnumerable<ushort>)>();
        var position = 0;
        for (var i = 2; i < args.Count; i++)
        {
            var column = table.FindColumn(args[i])
                ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{args[i]}\" does not exist");
            if (column.Type.Id is not (TypeId.Text or TypeId.Varchar))
                throw new TenonException(SqlState.DatatypeMismatch, $"column \"{args[i]}\" is not of a character type");
            var value = newRow[column.Number - 1];
            if (!needed && !Equals(value, oldRow![column.Number - 1])) needed = true;
            if (value is not string text) continue;
            foreach (var (lexeme, p) in config.ParseText(text, ref position))
                words.Add((lexeme, [TsVector.MakePosition(p, 0)]));
        }
        if (!needed) return newRow;
        var row = (object?[])newRow.Clone();
        row[target.Number - 1] = TsVector.Build(words);
        return row;
    }
}
