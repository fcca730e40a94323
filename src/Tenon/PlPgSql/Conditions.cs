using Tenon.Errors;

namespace Tenon.PlPgSql;

/// <summary>PL/pgSQL's condition names (plerrcodes) for EXCEPTION WHEN and RAISE: name ↔ SQLSTATE.</summary>
internal static class Conditions
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.Ordinal)
    {
        ["successful_completion"] = "00000", ["warning"] = "01000", ["no_data"] = "02000",
        ["sql_statement_not_yet_complete"] = "03000", ["connection_exception"] = "08000",
        ["feature_not_supported"] = "0A000", ["invalid_transaction_initiation"] = "0B000",
        ["case_not_found"] = "20000", ["cardinality_violation"] = "21000",
        ["data_exception"] = "22000", ["array_subscript_error"] = "2202E", ["character_not_in_repertoire"] = "22021",
        ["datetime_field_overflow"] = "22008", ["division_by_zero"] = "22012", ["invalid_datetime_format"] = "22007",
        ["invalid_escape_sequence"] = "22025", ["invalid_parameter_value"] = "22023", ["invalid_text_representation"] = "22P02",
        ["null_value_not_allowed"] = "22004", ["numeric_value_out_of_range"] = "22003", ["string_data_right_truncation"] = "22001",
        ["invalid_regular_expression"] = "2201B", ["invalid_binary_representation"] = "22P03", ["floating_point_exception"] = "22P01",
        ["datetime_value_out_of_range"] = "22008", ["interval_field_overflow"] = "22015", ["invalid_time_zone_displacement_value"] = "22009",
        ["integrity_constraint_violation"] = "23000", ["restrict_violation"] = "23001", ["not_null_violation"] = "23502",
        ["foreign_key_violation"] = "23503", ["unique_violation"] = "23505", ["check_violation"] = "23514", ["exclusion_violation"] = "23P01",
        ["invalid_cursor_state"] = "24000", ["invalid_transaction_state"] = "25000", ["active_sql_transaction"] = "25001",
        ["read_only_sql_transaction"] = "25006", ["in_failed_sql_transaction"] = "25P02",
        ["invalid_sql_statement_name"] = "26000", ["triggered_data_change_violation"] = "27000",
        ["invalid_authorization_specification"] = "28000", ["invalid_transaction_termination"] = "2D000",
        ["sql_routine_exception"] = "2F000", ["function_executed_no_return_statement"] = "2F005",
        ["invalid_cursor_name"] = "34000", ["external_routine_exception"] = "38000", ["savepoint_exception"] = "3B000",
        ["invalid_catalog_name"] = "3D000", ["invalid_schema_name"] = "3F000",
        ["transaction_rollback"] = "40000", ["serialization_failure"] = "40001", ["deadlock_detected"] = "40P01",
        ["syntax_error_or_access_rule_violation"] = "42000", ["syntax_error"] = "42601", ["insufficient_privilege"] = "42501",
        ["undefined_column"] = "42703", ["undefined_function"] = "42883", ["undefined_table"] = "42P01", ["undefined_parameter"] = "42P02",
        ["undefined_object"] = "42704", ["duplicate_column"] = "42701", ["duplicate_cursor"] = "42P03", ["duplicate_database"] = "42P04",
        ["duplicate_function"] = "42723", ["duplicate_schema"] = "42P06", ["duplicate_table"] = "42P07", ["duplicate_alias"] = "42712",
        ["duplicate_object"] = "42710", ["ambiguous_column"] = "42702", ["ambiguous_function"] = "42725", ["datatype_mismatch"] = "42804",
        ["wrong_object_type"] = "42809", ["invalid_column_reference"] = "42P10", ["invalid_function_definition"] = "42P13",
        ["invalid_object_definition"] = "42P17", ["indeterminate_datatype"] = "42P18", ["grouping_error"] = "42803",
        ["program_limit_exceeded"] = "54000", ["statement_too_complex"] = "54001",
        ["object_not_in_prerequisite_state"] = "55000", ["object_in_use"] = "55006", ["lock_not_available"] = "55P03",
        ["operator_intervention"] = "57000", ["query_canceled"] = "57014",
        ["plpgsql_error"] = "P0000", ["raise_exception"] = "P0001", ["no_data_found"] = "P0002", ["too_many_rows"] = "P0003",
        ["assert_failure"] = "P0004", ["internal_error"] = "XX000", ["data_corrupted"] = "XX001",
        ["dependent_objects_still_exist"] = "2BP01", ["dependent_privilege_descriptors_still_exist"] = "2B000",
    };

    public static string? CodeOf(string name) => Codes.TryGetValue(name, out var c) ? c : null;

    public static string NameOf(string code) => Codes.FirstOrDefault(kv => kv.Value == code).Key ?? code;

    /// <summary>Whether an EXCEPTION WHEN condition (a name, or "sqlstate:XXXXX") catches an error of this SQLSTATE.</summary>
    public static bool Matches(string condition, string sqlState)
    {
        if (condition == "others") return sqlState is not (SqlState.QueryCanceled or SqlState.AssertFailure);
        var code = condition.StartsWith("sqlstate:", StringComparison.Ordinal) ? condition[9..]
            : CodeOf(condition) ?? throw new TenonException(SqlState.UndefinedObject, $"unrecognized exception condition \"{condition}\"");
        if (code == sqlState) return true;
        // A class code (XX000) catches every condition of its class.
        return code.EndsWith("000", StringComparison.Ordinal) && sqlState.StartsWith(code[..2], StringComparison.Ordinal);
    }

    public static void Check(string condition)
    {
        if (condition != "others" && !condition.StartsWith("sqlstate:", StringComparison.Ordinal) && CodeOf(condition) is null)
            throw new TenonException(SqlState.UndefinedObject, $"unrecognized exception condition \"{condition}\"");
    }
}
