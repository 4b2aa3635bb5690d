/** Allot's domain and licensing engine. Pure Java: no framework, JDBC or JSON library. */
package org.allot.core;
