package org.allot.server.persistence;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.allot.core.assignment.AssignmentError;
import org.allot.core.assignment.AssignmentState;

/** The engine's rules about stored assignments, as SQL: which states hold a seat, which error means waiting. */
public final class AssignmentSql {
    private AssignmentSql() {}

    /** The states in which an assignment holds a seat, as {@code ('…', '…')}: {@link AssignmentState#holdsSeat}. */
    public static final String HOLDING = Arrays.stream(AssignmentState.values())
            .filter(AssignmentState::holdsSeat)
            .map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    /** The error of an assignment waiting for a seat: {@code LicenseAssignment.isWaiting}. */
    public static final String WAITING_ERROR = "'" + AssignmentError.CountViolation.name() + "'";
}
