package dev.ferry.engine.model;

import java.util.List;
import java.util.Optional;

/**
 * What introspection read from a source database.
 *
 * @param product       the dialect's name, e.g. "SQL Server"
 * @param defaultSchema the schema that unqualified names resolve to (dbo, PUBLIC, public)
 * @param otherObjects  routines, triggers and the like: listed, not converted
 * @param views         views, converted where their query can be translated
 * @param sequences     SEQUENCE objects that no column owns
 * @param findings      what introspection left out or noticed (disabled constraints, index kinds
 *                      PostgreSQL lacks, objects the database made on its own)
 */
public record DatabaseSchema(String product, String defaultSchema, List<Table> tables, List<SourceObject> otherObjects,
                             List<Finding> findings, List<View> views, List<Sequence> sequences) {
    public DatabaseSchema {
        tables = List.copyOf(tables);
        otherObjects = List.copyOf(otherObjects);
        findings = List.copyOf(findings);
        views = List.copyOf(views);
        sequences = List.copyOf(sequences);
    }

    /** A schema without views or sequences. */
    public DatabaseSchema(String product, String defaultSchema, List<Table> tables, List<SourceObject> otherObjects,
                          List<Finding> findings) {
        this(product, defaultSchema, tables, otherObjects, findings, List.of(), List.of());
    }

    public Optional<View> view(TableRef ref) {
        return views.stream().filter(v -> v.ref().equals(ref)).findFirst();
    }

    public Optional<Table> table(TableRef ref) {
        return tables.stream().filter(t -> t.ref().equals(ref)).findFirst();
    }
}
