/**
 * What a read asks of the directory and the audit log: filters (parsed from OData's {@code $filter}), ordering,
 * pages with keyset cursors, and the properties each may name. The storage translates them into its own queries.
 */
package org.allot.core.query;
