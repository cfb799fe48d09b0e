using System.Data;
using System.Data.Common;

namespace PeerRooms.Server.Persistence;

/// <summary>
/// Building commands over System.Data.Common for both providers. Parameters are named without a
/// prefix and written <c>@name</c> in SQL: Npgsql and Microsoft.Data.Sqlite both bind that.
/// Values that may be null carry an explicit <see cref="DbType"/>, because Npgsql cannot infer the
/// type of a bare <see cref="DBNull"/> (and PostgreSQL then cannot compare it, e.g. in
/// <c>IS NOT DISTINCT FROM</c>).
/// </summary>
public static class SqlCommandExtensions
{
    /// <summary>A command on <paramref name="connection"/>, enlisted in <paramref name="tx"/> when given.</summary>
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? tx = null)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    /// <summary>Adds a non-null value; its type is inferred from the CLR type (int, long, string, bool, ...).</summary>
    public static DbCommand With(this DbCommand cmd, string name, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
        return cmd;
    }

    /// <summary>Adds a text value that may be null.</summary>
    public static DbCommand WithNullable(this DbCommand cmd, string name, string? value) => cmd.Typed(name, DbType.String, value);

    /// <summary>Adds a 64-bit integer value that may be null.</summary>
    public static DbCommand WithNullable(this DbCommand cmd, string name, long? value) => cmd.Typed(name, DbType.Int64, value);

    private static DbCommand Typed(this DbCommand cmd, string name, DbType type, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
        return cmd;
    }
}
