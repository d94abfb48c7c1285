package dev.ferry.engine.source.sqlserver;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rows Ferry reads about SQL Server's views, sequences and descriptions, one record type per
 * query ({@link SqlServerObjectReader}); fixtures use the same names.
 */
public record SqlServerObjectCatalog(List<ViewRow> views, List<ViewDependencyRow> viewDependencies,
                                     List<SequenceRow> sequences, List<DescriptionRow> descriptions) {
    public SqlServerObjectCatalog {
        views = views == null ? List.of() : List.copyOf(views);
        viewDependencies = viewDependencies == null ? List.of() : List.copyOf(viewDependencies);
        sequences = sequences == null ? List.of() : List.copyOf(sequences);
        descriptions = descriptions == null ? List.of() : List.copyOf(descriptions);
    }

    /** sys.views with sys.sql_modules; {@code definition} is null for a view WITH ENCRYPTION. */
    public record ViewRow(int objectId, String schemaName, String viewName, String definition) {
    }

    /** sys.sql_expression_dependencies of a view: the table or view it reads. */
    public record ViewDependencyRow(int viewObjectId, String referencedSchema, String referencedName) {
    }

    /** sys.sequences; values converted to decimal(38, 0) since they are sql_variant. */
    public record SequenceRow(String schemaName, String name, String typeName, BigDecimal startValue, BigDecimal increment,
                              BigDecimal minimumValue, BigDecimal maximumValue, boolean isCycling, boolean isCached,
                              Integer cacheSize, BigDecimal lastUsedValue) {
    }

    /** sys.extended_properties named MS_Description on an object (minorId 0) or one of its columns. */
    public record DescriptionRow(int majorId, int minorId, String value) {
    }
}
