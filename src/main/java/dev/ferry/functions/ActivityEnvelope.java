package dev.ferry.functions;

import com.fasterxml.jackson.databind.JsonNode;

/** An activity's input on the wire: the migration it belongs to and the workflow's message (ids and ranges, never rows). */
public record ActivityEnvelope(MigrationRequest migration, JsonNode payload) {
}
