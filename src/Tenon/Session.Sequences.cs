using Tenon.Catalog;
using Tenon.Errors;

namespace Tenon;

/// <summary>
/// nextval, currval, setval and lastval. Sequence values are not transactional, as in PostgreSQL:
/// they live in the <see cref="SequenceState"/> shared by every catalog version that holds the
/// sequence, so a rollback never gives a value back. currval and lastval are per session.
/// Sequences are addressed by oid (the functions take regclass, resolved when the call is bound).
/// </summary>
public sealed partial class Session
{
    private readonly Dictionary<uint, long> _currval = new();
    /// <summary>The sequence lastval() reads: the last one nextval or setval gave a value to in this session.</summary>
    private uint? _lastval;

    /// <summary>The sequence with this oid in the current transaction's catalog; 42809 for another kind of relation.</summary>
    private SequenceDef SequenceByOid(uint oid)
    {
        var catalog = _tx?.Catalog ?? Database.Committed.Catalog;
        if (catalog.Sequences.TryGetValue(oid, out var seq)) return seq;
        if (catalog.RelationKind(oid) != '\0' || Catalog.PgCatalog.SystemRelations.ByOid(oid) is not null)
            throw new TenonException(SqlState.WrongObjectType, $"\"{RelationNameForMessage(catalog, oid)}\" is not a sequence");
        throw new TenonException(SqlState.InternalError, $"could not open relation with OID {oid}");
    }

    // Messages name the relation without its schema.
    private static string RelationNameForMessage(SystemCatalog catalog, uint oid) =>
        Catalog.PgCatalog.SystemRelations.ByOid(oid)?.Name ?? catalog.RelationName(oid);

    internal long NextVal(uint oid, bool checkPrivileges = true)
    {
        var seq = SequenceByOid(oid);
        if (checkPrivileges) RequireSequencePrivilege(seq, Tenon.Catalog.Privilege.Usage | Tenon.Catalog.Privilege.Update);
        if (!SearchPath.IsTempSchema(seq.Schema)) PreventIfReadOnly("nextval()");
        var st = seq.State;
        long next;
        lock (st.Gate)
        {
            if (!st.IsCalled) next = st.LastValue;
            else
            {
                var overflow = seq.Increment > 0 ? st.LastValue > seq.MaxValue - seq.Increment : st.LastValue < seq.MinValue - seq.Increment;
                if (overflow)
                {
                    if (!seq.Cycle)
                        throw new TenonException(SqlState.SequenceGeneratorLimitExceeded, seq.Increment > 0
                            ? $"nextval: reached maximum value of sequence \"{seq.Name}\" ({seq.MaxValue})"
                            : $"nextval: reached minimum value of sequence \"{seq.Name}\" ({seq.MinValue})");
                    next = seq.Increment > 0 ? seq.MinValue : seq.MaxValue;
                }
                else next = st.LastValue + seq.Increment;
            }
            st.LastValue = next;
            st.IsCalled = true;
        }
        Database.SequenceChanged(seq.Oid, st);
        _currval[seq.Oid] = next;
        _lastval = seq.Oid;
        return next;
    }

    /// <summary>42501 unless the current user holds one of <paramref name="anyOf"/> on the sequence (superusers: one field test).</summary>
    private void RequireSequencePrivilege(SequenceDef seq, Catalog.Privilege anyOf)
    {
        var catalog = CurrentCatalog;
        if (IsSuperuser(catalog.Auth)) return;
        var held = Execution.Privileges.Held(catalog, CurrentUserOid(catalog.Auth), new ObjectKey(ObjectKey.Relation, seq.Oid));
        if ((held & anyOf) == 0) throw Execution.Privileges.Denied("sequence", seq.Name);
    }

    internal long CurrVal(uint oid)
    {
        var seq = SequenceByOid(oid);
        RequireSequencePrivilege(seq, Tenon.Catalog.Privilege.Usage | Tenon.Catalog.Privilege.Select);
        return _currval.TryGetValue(seq.Oid, out var v) ? v
            : throw new TenonException(SqlState.ObjectNotInPrerequisiteState, $"currval of sequence \"{seq.Name}\" is not yet defined in this session");
    }

    /// <summary>lastval(): the current value of the sequence last used, which must still exist.</summary>
    internal long LastVal()
    {
        var catalog = _tx?.Catalog ?? Database.Committed.Catalog;
        if (_lastval is not { } oid || !catalog.Sequences.ContainsKey(oid) || !_currval.TryGetValue(oid, out var value))
            throw new TenonException(SqlState.ObjectNotInPrerequisiteState, "lastval is not yet defined in this session");
        RequireSequencePrivilege(catalog.Sequences[oid], Tenon.Catalog.Privilege.Usage | Tenon.Catalog.Privilege.Select);
        return value;
    }

    internal long SetVal(uint oid, long value, bool isCalled)
    {
        var seq = SequenceByOid(oid);
        RequireSequencePrivilege(seq, Tenon.Catalog.Privilege.Update);
        if (!SearchPath.IsTempSchema(seq.Schema)) PreventIfReadOnly("setval()");
        if (value < seq.MinValue || value > seq.MaxValue)
            throw new TenonException(SqlState.NumericValueOutOfRange, $"setval: value {value} is out of bounds for sequence \"{seq.Name}\" ({seq.MinValue}..{seq.MaxValue})");
        lock (seq.State.Gate)
        {
            seq.State.LastValue = value;
            seq.State.IsCalled = isCalled;
        }
        Database.SequenceChanged(seq.Oid, seq.State);
        if (isCalled)
        {
            _currval[seq.Oid] = value;
            _lastval = seq.Oid;
        }
        return value;
    }
}
