using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Routines;
using Tenon.Sql.Ast;

namespace Tenon;

/// <summary>Statements about routines and triggers, and statements run from inside a routine.</summary>
public sealed partial class Session
{
    /// <summary>Runs one statement of a routine body in the calling statement's transaction (no savepoint of its own).</summary>
    internal StatementResult ExecuteInRoutine(Statement stmt, ExecContext ctx)
    {
        if (stmt is TransactionStatement)
            throw new TenonException(SqlState.InvalidTransactionTermination, "invalid transaction termination");
        CheckForInterrupts();
        return Dispatch(stmt, ctx);
    }

    /// <summary>A plain SELECT may still write through a volatile user function, so it then takes the write lock up front.</summary>
    private bool RoutinesMayWrite()
    {
        // Asked before every SELECT: the answer is kept for the (immutable) function map it was computed from.
        var functions = (_tx?.Catalog ?? Database.Committed.Catalog).Functions;
        if (!ReferenceEquals(functions, _volatilityCheckedFor))
        {
            _anyVolatileRoutine = functions.Values.Any(f => f.Volatility == 'v');
            _volatilityCheckedFor = functions;
        }
        return _anyVolatileRoutine;
    }

    private System.Collections.Immutable.ImmutableDictionary<uint, Catalog.RoutineDef>? _volatilityCheckedFor;
    private bool _anyVolatileRoutine;

    private StatementResult? DispatchRoutineStatement(Statement stmt, ExecContext ctx)
    {
        var ddl = new DdlExecutor(ctx);
        return stmt switch
        {
            CreateFunctionStatement c => ddl.CreateFunction(c),
            CreateAggregateStatement c => ddl.CreateAggregate(c),
            DropRoutineStatement d => ddl.DropRoutine(d),
            AlterRoutineStatement a => ddl.AlterRoutine(a),
            CreateTriggerStatement c => ddl.CreateTrigger(c),
            DropTriggerStatement d => ddl.DropTrigger(d),
            CreateOpClassStatement c => ddl.CreateOpClass(c),
            CreateOpFamilyStatement c => ddl.CreateOpFamily(c),
            DropOpClassStatement d => ddl.DropOpClass(d),
            CreateStatisticsStatement c => ddl.CreateStatistics(c),
            DropStatisticsStatement d => ddl.DropStatistics(d),
            DoStatement d => RoutineCalls.Do(d, ctx),
            CallStatement c => RoutineCalls.Call(c, ctx),
            _ => null,
        };
    }
}
