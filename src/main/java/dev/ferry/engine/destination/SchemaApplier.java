package dev.ferry.engine.destination;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Runs generated DDL on the target, naming the object whose statement failed. */
public final class SchemaApplier {
    private final Connection connection;

    public SchemaApplier(Connection connection) {
        this.connection = connection;
    }

    /** Runs all statements in one transaction: either every object exists afterwards or none does. */
    public void applyAtomically(List<DdlStatement> statements) {
        try {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                for (DdlStatement s : statements) {
                    execute(s);
                }
                connection.commit();
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.DDL, "Unable to apply DDL on the target", e);
        }
    }

    /** Runs the statements in the caller's open transaction (the caller commits, with its journal entry). */
    public void applyInTransaction(List<DdlStatement> statements) {
        statements.forEach(this::execute);
    }

    private void execute(DdlStatement s) {
        try (Statement st = connection.createStatement()) {
            st.execute(s.sql());
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.DDL, "Unable to create " + s.object(), e);
        }
    }
}
