package org.allot.core.reclaim;

/** What a policy's scheduled run does with what it finds. */
public enum ReclaimMode {
    /** Only the report: nothing is removed unless an administrator applies it. */
    ReportOnly,
    /** The report, then the removal of what it lists. */
    Act
}
