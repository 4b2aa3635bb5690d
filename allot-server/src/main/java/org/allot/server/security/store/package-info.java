/**
 * What security keeps in the database, as ports that {@code org.allot.server.persistence} implements, and the records
 * they hold. Depends on nothing of the server, so that persistence can implement it without depending on security.
 */
package org.allot.server.security.store;
