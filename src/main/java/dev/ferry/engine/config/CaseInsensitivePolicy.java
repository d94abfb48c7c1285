package dev.ferry.engine.config;

/** What a case-insensitive source collation (e.g. SQL_Latin1_General_CP1_CI_AS) becomes on PostgreSQL. */
public enum CaseInsensitivePolicy {
    /** The citext extension type; LIKE and indexes keep working; lengths become CHECKs. */
    CITEXT,
    /** A nondeterministic ICU collation created by Ferry ({@code ferry_ci}); note LIKE is refused on it before PostgreSQL 18. */
    ICU,
    /** Plain deterministic types: comparisons become case-sensitive (reported as a warning). */
    NONE
}
