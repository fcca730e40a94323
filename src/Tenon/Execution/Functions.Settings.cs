using Tenon.Types;

namespace Tenon.Execution;

public static partial class Functions
{
    /// <summary>
    /// current_setting(name [, missing_ok]) and set_config(name, value, is_local): the function
    /// forms of SHOW and SET, which pg_dump's scripts call (<c>set_config('search_path', '', false)</c>).
    /// </summary>
    private static FunctionDef? ResolveSettingFunction(string name, IReadOnlyList<SqlType> args)
    {
        var n = args.Count;
        bool IsText(int i) => args[i].IsString;
        bool IsBool(int i) => args[i].Id is TypeId.Bool or TypeId.Unknown;
        switch (name)
        {
            case "current_setting" when n == 1 && IsText(0):
                return new([SqlType.Text], SqlType.Text, (a, ctx) => ctx.Session.CurrentSetting((string)a[0]!, missingOk: false), Volatile: true);
            case "current_setting" when n == 2 && IsText(0) && IsBool(1):
                return new([SqlType.Text, SqlType.Bool], SqlType.Text,
                    (a, ctx) => ctx.Session.CurrentSetting((string)a[0]!, missingOk: (bool)a[1]!), Volatile: true);
            case "set_config" when n == 3 && IsText(0) && IsText(1) && IsBool(2):
                return new([SqlType.Text, SqlType.Text, SqlType.Bool], SqlType.Text,
                    (a, ctx) => ctx.Session.SetConfig((string)a[0]!, (string)a[1]!, local: (bool)a[2]!), Volatile: true);
        }
        return null;
    }
}
