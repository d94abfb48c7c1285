package dev.ferry.engine.model;

import java.util.List;
import java.util.Optional;

/**
 * What introspection read from a source database.
 *
 * @param product       the dialect's name, e.g. "SQL Server"
 * @param defaultSchema the schema that unqualified names resolve to (dbo, PUBLIC, public)
 * @param otherObjects  views, routines, triggers and the like: listed, not converted
 * @param findings      what introspection left out or noticed (disabled constraints, index kinds
 *                      PostgreSQL lacks, objects the database made on its own)
 */
public record DatabaseSchema(String product, String defaultSchema, List<Table> tables, List<SourceObject> otherObjects,
                             List<Finding> findings) {
    public DatabaseSchema {
        tables = List.copyOf(tables);
        otherObjects = List.copyOf(otherObjects);
        findings = List.copyOf(findings);
    }

    public Optional<Table> table(TableRef ref) {
        return tables.stream().filter(t -> t.ref().equals(ref)).findFirst();
    }
}
