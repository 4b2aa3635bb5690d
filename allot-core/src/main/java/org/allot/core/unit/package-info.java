/**
 * Administrative units: named sets of users and groups of a tenant (static members, or users chosen by a membership
 * rule in the syntax of dynamic groups), and role assignments scoped to them. Sits above {@code rules} (whose parser
 * and evaluator a unit's rule reuses); what a scoped role lets a caller see and change is decided below, by
 * {@code directory.ScopeGuard} over the memberships this package keeps ({@code directory.UnitMemberships}).
 */
package org.allot.core.unit;
