package org.allot.core.sync;

/** The two kinds of objects directory sync brings over. */
public enum ObjectKind {
    USER,
    GROUP
}
