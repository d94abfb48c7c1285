package dev.ferry.engine.model;

import java.util.List;

/**
 * A source view.
 *
 * @param definition the view's query in the source's own SQL (the SELECT, without CREATE VIEW … AS)
 * @param dependsOn  the tables and views the query reads, as the source's catalog records them
 */
public record View(TableRef ref, String definition, List<TableRef> dependsOn, String comment) {
    public View {
        dependsOn = List.copyOf(dependsOn);
    }
}
