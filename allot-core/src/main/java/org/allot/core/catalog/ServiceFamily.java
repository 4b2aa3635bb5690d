package org.allot.core.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The service a plan belongs to, as Graph names it in {@code assignedPlan.service} ({@code exchange},
 * {@code SharePoint}, {@code MicrosoftCommunicationsOnline}, …): read from the start of the plan's name, since
 * Microsoft's licensing table has no such column. A plan of no known family is named by its own name.
 */
public final class ServiceFamily {
    /** Name prefixes, most specific first, and the family Graph reports for them. */
    private static final List<Map.Entry<String, String>> PREFIXES = List.of(
            Map.entry("EXCHANGE", "exchange"),
            Map.entry("INFORMATION_BARRIERS", "exchange"),
            Map.entry("MYANALYTICS", "exchange"),
            Map.entry("MICROSOFTBOOKINGS", "MicrosoftBookings"),
            Map.entry("SHAREPOINT", "SharePoint"),
            Map.entry("ONEDRIVE", "SharePoint"),
            Map.entry("TEAMS", "TeamspaceAPI"),
            Map.entry("MCO", "MicrosoftCommunicationsOnline"),
            Map.entry("OFFICESUBSCRIPTION", "MicrosoftOffice"),
            Map.entry("OFFICE_", "MicrosoftOffice"),
            Map.entry("AAD_PREMIUM", "AADPremiumService"),
            Map.entry("MFA_PREMIUM", "MultiFactorService"),
            Map.entry("RMS_S", "RMSOnline"),
            Map.entry("YAMMER", "YammerEnterprise"),
            Map.entry("VIVAENGAGE", "YammerEnterprise"),
            Map.entry("PROJECTWORKMANAGEMENT", "ProjectWorkManagement"),
            Map.entry("PROJECT", "ProjectOnline"),
            Map.entry("SWAY", "Sway"),
            Map.entry("STREAM", "MicrosoftStream"),
            Map.entry("FORMS_PLAN", "OfficeForms"),
            Map.entry("WHITEBOARD", "WhiteboardServices"),
            Map.entry("BPOS_S_TODO", "To-Do"),
            Map.entry("DESKLESS", "Deskless"),
            Map.entry("INTUNE", "SCO"),
            Map.entry("ADALLOM", "Adallom"),
            Map.entry("POWERAPPS", "PowerAppsService"),
            Map.entry("FLOW", "ProcessSimple"),
            Map.entry("BI_AZURE", "PowerBI"),
            Map.entry("POWER_BI", "PowerBI"),
            Map.entry("DYN365", "CRM"),
            Map.entry("CRM", "CRM"));

    private ServiceFamily() {}

    public static String of(String planName) {
        String name = planName.toUpperCase(Locale.ROOT);
        for (Map.Entry<String, String> e : PREFIXES) {
            if (name.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return planName;
    }

    /**
     * Whether the plan belongs to the service as a filter names it: {@code assignedPlans/any(a:a/service eq '…')}
     * compares with what {@link #of} reports, ignoring case as Graph's string comparisons do. A name no plan reports
     * matches nothing.
     */
    public static boolean is(String planName, String service) {
        return of(planName).equalsIgnoreCase(service);
    }
}
