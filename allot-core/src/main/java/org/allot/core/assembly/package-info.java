/** How the core's services are wired together over a set of ports, the same way for every installation. */
package org.allot.core.assembly;
