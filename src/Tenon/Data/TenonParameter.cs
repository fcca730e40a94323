using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Tenon.Data;

/// <summary>
/// A statement parameter. With a <see cref="ParameterName"/> it is referenced as <c>@name</c> in
/// the command text; unnamed parameters are positional (<c>$1</c>, <c>$2</c>, … in collection order).
/// Without an explicit <see cref="DbType"/>/<see cref="TenonDbType"/> the SQL type follows the
/// value's CLR type; a string stays untyped and takes the type its context requires, as a quoted
/// literal would.
/// </summary>
public sealed class TenonParameter : DbParameter
{
    private string _name = "";
    private object? _value;
    private DbType? _dbType;
    private TenonDbType _tenonDbType;

    public TenonParameter() { }

    public TenonParameter(string? parameterName, object? value)
    {
        ParameterName = parameterName;
        Value = value;
    }

    public TenonParameter(string? parameterName, TenonDbType type)
    {
        ParameterName = parameterName;
        TenonDbType = type;
    }

    /// <summary>The name, without a leading <c>@</c> (one given is dropped).</summary>
    [AllowNull]
    public override string ParameterName
    {
        get => _name;
        set => _name = value is null ? "" : value.StartsWith('@') ? value[1..] : value;
    }

    public override object? Value
    {
        get => _value;
        set => _value = value;
    }

    /// <summary>The explicit type, or (when none was set) the one the value implies.</summary>
    public override DbType DbType
    {
        get => _dbType ?? (_tenonDbType != TenonDbType.Unknown ? TenonTypes.ToDbType(_tenonDbType) : TenonTypes.InferDbType(_value));
        set
        {
            _dbType = value;
            _tenonDbType = TenonDbType.Unknown;
        }
    }

    /// <summary>The explicit PostgreSQL type, or <see cref="TenonDbType.Unknown"/> when the value's CLR type decides.</summary>
    public TenonDbType TenonDbType
    {
        get => _tenonDbType != TenonDbType.Unknown ? _tenonDbType : _dbType is { } d ? TenonTypes.FromDbType(d, _value) : TenonDbType.Unknown;
        set
        {
            _tenonDbType = value;
            _dbType = null;
        }
    }

    public override void ResetDbType()
    {
        _dbType = null;
        _tenonDbType = TenonDbType.Unknown;
    }

    /// <summary>Only <see cref="ParameterDirection.Input"/> is supported; others fail when the command runs.</summary>
    public override ParameterDirection Direction { get; set; } = ParameterDirection.Input;

    public override bool IsNullable { get; set; }

    /// <summary>Informational only (kept for frameworks that set it); values are never truncated.</summary>
    public override int Size { get; set; }

    [AllowNull]
    public override string SourceColumn { get; set; } = "";

    public override bool SourceColumnNullMapping { get; set; }

    /// <summary>The value handed to the engine: converted to the explicit type's representation, if one was set.</summary>
    internal object? EngineValue()
    {
        if (Direction != ParameterDirection.Input)
            throw new NotSupportedException($"Parameter \"{_name}\" has direction {Direction}; Tenon supports input parameters only.");
        return TenonTypes.ToEngineValue(_value, TenonDbType, _name);
    }

    public TenonParameter Clone() => new()
    {
        _name = _name,
        _value = _value,
        _dbType = _dbType,
        _tenonDbType = _tenonDbType,
        Direction = Direction,
        IsNullable = IsNullable,
        Size = Size,
        SourceColumn = SourceColumn,
        SourceColumnNullMapping = SourceColumnNullMapping,
    };
}
