package dev.ferry.engine.destination;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads one column of the current source row and appends it to the binary COPY stream in the
 * target type's binary format, refusing (or, where the policy says, replacing and counting) any
 * value the target cannot hold exactly.
 */
public interface ColumnCodec {
    void copy(ResultSet rs, int index, String column, BinaryRowBuffer out, ValueContext ctx) throws SQLException;
}
