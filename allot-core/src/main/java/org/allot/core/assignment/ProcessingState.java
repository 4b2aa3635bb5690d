package org.allot.core.assignment;

/** Graph's licenseProcessingState of a group: where applying its licenses to its members stands. */
public enum ProcessingState {
    QueuedForProcessing,
    ProcessingInProgress,
    ProcessingComplete
}
