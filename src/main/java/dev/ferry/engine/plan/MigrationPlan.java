package dev.ferry.engine.plan;

import dev.ferry.engine.destination.DdlStatement;
import dev.ferry.engine.convert.TargetSchema;
import java.util.List;

/** The converted schema, its DDL in two phases, and the assessment. */
public record MigrationPlan(TargetSchema schema, List<DdlStatement> preData, List<DdlStatement> postData,
                            Assessment assessment) {
    public MigrationPlan {
        preData = List.copyOf(preData);
        postData = List.copyOf(postData);
    }
}
