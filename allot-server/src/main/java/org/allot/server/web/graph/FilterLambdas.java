package org.allot.server.web.graph;

import java.util.List;
import java.util.UUID;
import org.allot.core.query.Filter;
import org.allot.core.query.Property;
import org.allot.server.web.graph.FilterTokens.Kind;
import org.allot.server.web.graph.FilterTokens.Token;

/**
 * The license lambdas of a {@code $filter}: {@code assignedLicenses/any(x:x/skuId eq …)},
 * {@code assignedLicenses/any()}, {@code assignedLicenses/$count op n} and, on users,
 * {@code assignedPlans/any(a:a/servicePlanId eq …)}.
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

    /** After the name {@code assignedPlans}: the user holds the plan, enabled, in one of their licenses. */
    static Filter plans(FilterCursor in) {
        in.expect("/");
        in.expect("any");
        in.expect("(");
        return new Filter.HasPlan(guidLambda(in, "servicePlanId", "assignedPlans/any"), List.of());
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
