package org.allot.core.catalog;

/** Whether a product or plan is assigned to users or is a company-wide capability. */
public enum AppliesTo {
    User,
    Company
}
