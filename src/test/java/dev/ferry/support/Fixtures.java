package dev.ferry.support;

import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.source.CatalogQuery;
import dev.ferry.engine.source.sqlserver.SqlServerCatalog;
import dev.ferry.engine.source.sqlserver.SqlServerDialect;
import dev.ferry.engine.source.sqlserver.SqlServerObjectCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Catalog fixtures: rows as SQL Server's sys.* views return them, for tests that have no SQL Server. */
public final class Fixtures {
    private Fixtures() {
    }

    public static SqlServerCatalog sqlServerCatalog() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/sqlserver-catalog.json")) {
            return CatalogQuery.ROWS.readValue(in, SqlServerCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The views, sequences and descriptions of the same fixture file (issue 15). */
    public static SqlServerObjectCatalog sqlServerObjects() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/sqlserver-catalog.json")) {
            return CatalogQuery.ROWS.readValue(in, SqlServerObjectCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DatabaseSchema sqlServerSchema() {
        return new SqlServerDialect().fromCatalog(sqlServerCatalog(), sqlServerObjects());
    }
}
