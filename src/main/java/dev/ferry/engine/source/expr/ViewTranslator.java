package dev.ferry.engine.source.expr;

import dev.ferry.engine.model.View;

/**
 * Translates a source view's query to PostgreSQL. Anything it does not understand stops the view's
 * conversion with the construct named, never passes on silently.
 */
public interface ViewTranslator {
    ViewTranslation translate(View view, ViewNames names);
}
