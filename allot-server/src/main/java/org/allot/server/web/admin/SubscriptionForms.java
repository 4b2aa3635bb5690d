package org.allot.server.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import org.allot.core.Outcome;
import org.allot.core.catalog.Product;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.core.subscription.SubscriptionId;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.subscription.SubscriptionTerms;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The product page's subscription forms: buy a subscription on terms (seats, start, end or none, trial, auto-renew,
 * price per seat and month), change a subscription's seats, and change its terms (end, auto-renew, price). Each is one
 * call of {@link SubscriptionBook}: done as a whole or refused as a whole, and a refused form comes back as typed.
 */
@Controller
public class SubscriptionForms {
    /** Flash attribute: the buy form as typed, when it was refused. */
    static final String BUY = "buy";
    /** Flash attribute: a subscription's terms form as typed, when it was refused. */
    static final String TERMS = "termsForm";
    /** Flash attribute: which field of the refused form is wrong (start, end, price or currency), if one is. */
    static final String FIELD = "problemField";

    /** The buy form as typed. */
    public record Buy(
            String seats, String start, String end, boolean trial, boolean autoRenew, String price, String currency)
            implements Serializable {}

    /** A subscription's terms form as typed. */
    public record Terms(String subscription, String end, boolean autoRenew, String price, String currency)
            implements Serializable {}

    private final SubscriptionBook book;
    private final ProductChoices products;

    public SubscriptionForms(SubscriptionBook book, ProductChoices products) {
        this.book = book;
        this.products = products;
    }

    /**
     * Sets the seats of one subscription: more serve the waiting list at once; fewer show an overage, and group-derived
     * seats beyond capacity are taken back once the tenant's overage grace period has passed.
     */
    @PostMapping("/licenses/{sku}/subscriptions/{subscription}/seats")
    public String setSeats(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String sku,
            @PathVariable String subscription,
            @RequestParam(name = "seats", defaultValue = "") String seats,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_SUBSCRIPTIONS);
        Product product = products.inUrl(admin.tenant(), sku);
        SubscriptionId id = new SubscriptionId(AdminPages.id(subscription));
        Integer count = TermsInput.seats(seats);
        if (count == null) {
            AdminPages.refuse(flash, "seats-" + id, TermsInput.SEATS);
        } else {
            AdminPages.tell(
                    book.setSeats(AdminPages.caller(admin, request), id, count),
                    flash,
                    "seats-" + id,
                    "The subscription now has " + count + " seats of " + product.displayName() + ".",
                    product.displayName());
        }
        return AdminPages.redirect("/licenses/" + product.skuId());
    }

    /** Buys a subscription of the product on the terms typed (Microsoft 365: Billing, Purchase services). */
    @PostMapping("/licenses/{sku}/subscriptions")
    public String buy(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String sku,
            @RequestParam(name = "seats", defaultValue = "") String seats,
            @RequestParam(name = "start", defaultValue = "") String start,
            @RequestParam(name = "end", defaultValue = "") String end,
            @RequestParam(name = "trial", defaultValue = "false") boolean trial,
            @RequestParam(name = "autoRenew", defaultValue = "false") boolean autoRenew,
            @RequestParam(name = "price", defaultValue = "") String price,
            @RequestParam(name = "currency", defaultValue = "") String currency,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_SUBSCRIPTIONS);
        Product product = products.inUrl(admin.tenant(), sku);
        Buy typed = new Buy(
                TermsInput.echo(seats),
                TermsInput.echo(start),
                TermsInput.echo(end),
                trial,
                autoRenew,
                TermsInput.echo(price),
                TermsInput.echo(currency));
        String back = AdminPages.redirect("/licenses/" + product.skuId());
        Integer count = TermsInput.seats(seats);
        if (count == null) {
            return refused(flash, BUY, typed, "subscription", "seats", TermsInput.SEATS, back);
        }
        try {
            Instant from = TermsInput.day(start, "start");
            Instant until = TermsInput.day(end, "end");
            BigDecimal unitPrice = TermsInput.price(price);
            SubscriptionTerms terms =
                    new SubscriptionTerms(from, until, autoRenew, unitPrice, TermsInput.currency(currency));
            Outcome<Subscription> outcome = book.add(
                    AdminPages.caller(admin, request),
                    product.skuId(),
                    count,
                    SubscriptionStatus.Enabled,
                    trial,
                    null,
                    terms);
            if (!outcome.isDone()) {
                TermsInput.Refusal why = TermsInput.plain(outcome.rejection(), product.displayName());
                return refused(flash, BUY, typed, "subscription", why.field(), why.getMessage(), back);
            }
            flash.addFlashAttribute(
                    AdminPages.NOTICE,
                    (trial ? "Trial subscription of " : "Subscription of ") + count + " seats of "
                            + product.displayName() + " added" + TermsInput.until(outcome.value()) + ".");
        } catch (TermsInput.Refusal why) {
            return refused(flash, BUY, typed, "subscription", why.field(), why.getMessage(), back);
        }
        return back;
    }

    /**
     * Changes a subscription's terms: its end (none when left empty), whether it renews by itself, its price. The
     * calendar puts its status where the new end says (a lapsed subscription given a later end is Enabled again).
     */
    @PostMapping("/licenses/{sku}/subscriptions/{subscription}/terms")
    public String changeTerms(
            @AuthenticationPrincipal AdminPrincipal admin,
            @PathVariable String sku,
            @PathVariable String subscription,
            @RequestParam(name = "end", defaultValue = "") String end,
            @RequestParam(name = "autoRenew", defaultValue = "false") boolean autoRenew,
            @RequestParam(name = "price", defaultValue = "") String price,
            @RequestParam(name = "currency", defaultValue = "") String currency,
            HttpServletRequest request,
            RedirectAttributes flash) {
        AdminPages.require(admin, Capability.MANAGE_SUBSCRIPTIONS);
        Product product = products.inUrl(admin.tenant(), sku);
        SubscriptionId id = new SubscriptionId(AdminPages.id(subscription));
        String form = "terms-" + id;
        Terms typed = new Terms(
                id.toString(), TermsInput.echo(end), autoRenew, TermsInput.echo(price), TermsInput.echo(currency));
        String back = AdminPages.redirect("/licenses/" + product.skuId());
        try {
            Instant until = TermsInput.day(end, "end");
            BigDecimal unitPrice = TermsInput.price(price);
            String code = TermsInput.currency(currency);
            Outcome<Subscription> outcome =
                    book.change(AdminPages.caller(admin, request), id, null, null, t -> t.withEnd(until)
                            .withAutoRenew(autoRenew)
                            .withPrice(unitPrice, code));
            if (!outcome.isDone()) {
                TermsInput.Refusal why = TermsInput.plain(outcome.rejection(), product.displayName());
                return refused(flash, TERMS, typed, form, why.field(), why.getMessage(), back);
            }
            flash.addFlashAttribute(
                    AdminPages.NOTICE,
                    "The subscription of " + product.displayName() + " is now " + TermsInput.described(outcome.value())
                            + ".");
        } catch (TermsInput.Refusal why) {
            return refused(flash, TERMS, typed, form, why.field(), why.getMessage(), back);
        }
        return back;
    }

    private static String refused(
            RedirectAttributes flash,
            String name,
            Object typed,
            String form,
            String field,
            String message,
            String back) {
        AdminPages.refuse(flash, form, message);
        flash.addFlashAttribute(name, typed);
        if (field != null) {
            flash.addFlashAttribute(FIELD, field);
        }
        return back;
    }
}
