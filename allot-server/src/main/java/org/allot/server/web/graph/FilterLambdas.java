package org.allot.server.web.graph;

import java.util.UUID;
import org.allot.core.query.Filter;
import org.allot.core.query.Property;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.server.web.graph.FilterTokens.Kind;
import org.allot.server.web.graph.FilterTokens.Token;

/**
 * The license lambdas of a {@code $filter}: {@code assignedLicenses/any(x:x/skuId eq …)},
 * {@code assignedLicenses/any()}, {@code assignedLicenses/$count op n} and, on users,
 * {@code assignedPlans/any(a:a/servicePlanId eq … and a/capabilityStatus eq '…')} (or {@code a/service eq '…'}).
 */
final class FilterLambdas {
    private FilterLambdas() {}

    /** After the name {@code assignedLicenses}. */
    static Filter licenses(FilterCursor in, boolean advanced) {
        in.expect("/");
        Token what = in.next();
        if (what.is("$count")) {
            FilterParser.requireAdvanced(advanced, "assignedLicenses/$count");
            Filter.Operator operator = FilterValues.operator(in.next());
            Token n = in.next();
            if (n.kind() != Kind.LITERAL || !n.text().matches("\\d{1,4}")) {
                throw FilterValues.expectedAt(n, "a whole number");
            }
            return new Filter.LicenseCount(operator, Integer.parseInt(n.text()));
        }
        if (!what.is("any")) {
            throw FilterValues.expectedAt(what, "any( or $count");
        }
        in.expect("(");
        if (in.accept(")")) {
            return new Filter.HasAnyLicense();
        }
        return new Filter.HasLicense(guidLambda(in, "skuId", "assignedLicenses/any"));
    }

    /**
     * After the name {@code assignedPlans}: the user holds the plan, enabled, in one of their licenses; the lambda
     * names any of {@code servicePlanId}, {@code service} (the plan's service family, as {@code assignedPlan.service}
     * shows it) and {@code capabilityStatus}, joined by {@code and}, as Graph's samples do.
     */
    static Filter plans(FilterCursor in) {
        in.expect("/");
        in.expect("any");
        in.expect("(");
        String variable = in.lambdaVariable();
        UUID plan = null;
        String service = null;
        String status = null;
        do {
            Token again = in.next();
            if (!again.text().equals(variable)) {
                throw FilterValues.expectedAt(again, "'" + variable + "'");
            }
            in.expect("/");
            Token name = in.next();
            if (!name.is("servicePlanId") && !name.is("service") && !name.is("capabilityStatus")) {
                throw FilterValues.expectedAt(name, "servicePlanId, service or capabilityStatus");
            }
            String field = name.text();
            if (FilterValues.operator(in.next()) != Filter.Operator.EQ) {
                throw new BadRequest("Invalid filter clause: assignedPlans/any supports only 'eq'.");
            }
            if (field.equalsIgnoreCase("servicePlanId") && plan == null) {
                plan = (UUID) FilterValues.literal(in.next(), Property.Type.GUID);
                if (plan == null) {
                    throw new BadRequest("Invalid filter clause: servicePlanId must be a GUID.");
                }
            } else if (field.equalsIgnoreCase("service") && service == null) {
                service = FilterValues.text(in.next());
            } else if (field.equalsIgnoreCase("capabilityStatus") && status == null) {
                status = capabilityStatus(in.next());
            } else {
                throw FilterValues.expectedAt(name, "each of servicePlanId, service and capabilityStatus at most once");
            }
        } while (in.accept("and"));
        in.expect(")");
        return Filter.HasPlan.named(plan, service, status);
    }

    private static String capabilityStatus(Token token) {
        String value = FilterValues.text(token);
        for (SubscriptionStatus s : SubscriptionStatus.values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s.name();
            }
        }
        throw new BadRequest("Invalid filter clause: capabilityStatus is one of Enabled, Warning, Suspended,"
                + " LockedOut, Deleted; '" + value + "' is not.");
    }

    /** {@code x: x/field eq {guid})}. */
    private static UUID guidLambda(FilterCursor in, String field, String what) {
        String variable = in.lambdaVariable();
        in.expectField(variable, field);
        if (FilterValues.operator(in.next()) != Filter.Operator.EQ) {
            throw new BadRequest("Invalid filter clause: " + what + " supports only '" + field + " eq'.");
        }
        UUID id = (UUID) FilterValues.literal(in.next(), Property.Type.GUID);
        in.expect(")");
        if (id == null) {
            throw new BadRequest("Invalid filter clause: " + field + " must be a GUID.");
        }
        return id;
    }
}
