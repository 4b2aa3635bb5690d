package org.allot.server.web.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.allot.core.Rejection;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionBook;

/**
 * Reads what the subscription forms typed (seats, days, a price, a currency) and says in plain words, for the field
 * it is about, why the core refused a subscription's terms. The core checks the terms; this only reads the text.
 */
final class TermsInput {
    static final String SEATS = "Enter a number of seats from 0 to " + SubscriptionBook.MAX_SEATS + ".";
    /** Longest text a refused form gets back as typed. */
    private static final int ECHOED = 64;
    /** A number as people type a price: digits, a point or a comma, more digits; a sign the core refuses. */
    private static final Pattern PRICE = Pattern.compile("-?\\d{1,20}([.,]\\d{1,20})?");

    private TermsInput() {}

    /** Why a form's field cannot be read or its terms were refused, in plain words; {@code field} may be null. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        Refusal(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** What the form gets back as typed after a refusal, cut to a sane length. */
    static String echo(String typed) {
        String value = typed.strip();
        return value.length() > ECHOED ? value.substring(0, ECHOED) : value;
    }

    /** A number of seats, or null when the text is none in range. */
    static Integer seats(String typed) {
        String value = typed.strip();
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int count = Integer.parseInt(value);
        return count <= SubscriptionBook.MAX_SEATS ? count : null;
    }

    /** The start of a day (UTC) typed as year-month-day; null when left empty. */
    static Instant day(String typed, String field) {
        String value = typed.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        } catch (DateTimeParseException e) {
            // told below
        }
        throw new Refusal(
                field,
                "Enter the " + ("start".equals(field) ? "start" : "end")
                        + " date as year-month-day, for example 2027-06-30, or leave it empty.");
    }

    /** A price per seat and month, null when left empty; a comma is read as the decimal point. */
    static BigDecimal price(String typed) {
        String value = typed.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (!PRICE.matcher(value).matches()) {
            throw new Refusal(
                    "price", "Enter the price per seat and month as a number, for example 23.10, or leave it empty.");
        }
        return new BigDecimal(value.replace(',', '.'));
    }

    /** A currency code, in capitals as ISO 4217 writes it; null when left empty. */
    static String currency(String typed) {
        String value = typed.strip();
        return value.isEmpty() ? null : value.toUpperCase(Locale.ROOT);
    }

    /** The core's refusal of a subscription's terms, in plain words, with the field it is about. */
    static Refusal plain(Rejection rejection, String product) {
        String message = rejection.message();
        if (message.startsWith("endDateTime")) {
            return new Refusal("end", "The end date must be after the start date.");
        }
        if (message.startsWith("unitPrice must not be negative")) {
            return new Refusal("price", "The price cannot be negative.");
        }
        if (message.startsWith("unitPrice has at most")) {
            return new Refusal("price", message.replace("unitPrice", "The price") + " Round it, or correct it.");
        }
        if (message.contains("ISO 4217")) {
            return new Refusal(
                    "currency",
                    message.replace("is not an ISO 4217 currency code", "is not a currency code")
                            + " Enter its three letters.");
        }
        if (message.startsWith("Give unitPrice and currency together")) {
            return new Refusal(
                    "currency", "Enter the price and its currency together (for example 23.10 and EUR), or neither.");
        }
        return new Refusal(null, PlainWords.of(rejection, product));
    }

    /** ", ending 2027-06-30" when the subscription has an end; "" when not. */
    static String until(Subscription s) {
        Instant end = s.terms().endDateTime();
        return end == null
                ? ""
                : ", ending " + Formats.INSTANCE.date(end) + (s.terms().autoRenew() ? " (renews by itself)" : "");
    }

    /** A subscription's terms in words: its end, renewal and price. */
    static String described(Subscription s) {
        Instant end = s.terms().endDateTime();
        String ends = end == null
                ? "without end"
                : "ending " + Formats.INSTANCE.date(end) + (s.terms().autoRenew() ? " and renewing by itself" : "");
        BigDecimal price = s.terms().unitPrice();
        return ends
                + (price == null
                        ? ", without price"
                        : ", at " + price.stripTrailingZeros().toPlainString() + " "
                                + s.terms().currency() + " per seat and month")
                + " (" + s.status() + ")";
    }
}
