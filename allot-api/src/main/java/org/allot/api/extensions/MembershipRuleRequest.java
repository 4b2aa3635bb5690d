package org.allot.api.extensions;

/** The body of a membership rule preview: the rule, in Entra's syntax. */
public record MembershipRuleRequest(String membershipRule) {}
