package org.allot.server.security.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a generated certificate is for (its subject alternative names): host names and IP addresses. Always
 * {@code localhost}, {@code 127.0.0.1}, {@code ::1} and this machine's host name, then those configured.
 *
 * @param hostNames DNS names, in lower case
 * @param addresses IP addresses, in Java's canonical text form
 */
public record CertificateNames(Set<String> hostNames, Set<String> addresses) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f]*:[0-9a-f:.]*");
    private static final Pattern HOST_NAME =
            Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    public CertificateNames {
        hostNames = Set.copyOf(new LinkedHashSet<>(hostNames));
        addresses = Set.copyOf(new LinkedHashSet<>(addresses));
    }

    /** localhost, the loopback addresses, this machine's host name (if it has one), and the names configured. */
    public static CertificateNames forThisMachine(Collection<String> configured) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        localHostName().ifPresent(names::add);
        names.addAll(configured);
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> addresses = new LinkedHashSet<>();
        for (String name : names) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (n.startsWith("[") && n.endsWith("]")) {
                n = n.substring(1, n.length() - 1);
            }
            if (n.isEmpty()) {
                continue;
            }
            if (IPV4.matcher(n).matches() || IPV6.matcher(n).matches()) {
                addresses.add(address(n, name));
            } else if (HOST_NAME.matcher(n).matches()) {
                hosts.add(n);
            } else {
                throw new IllegalStateException(
                        "allot.tls.hostnames: '" + name + "' is neither a host name nor an IP" + " address.");
            }
        }
        return new CertificateNames(hosts, addresses);
    }

    /** The names a certificate is for, read from its subject alternative names. */
    public static CertificateNames of(X509Certificate certificate) {
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> addresses = new LinkedHashSet<>();
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    int type = (Integer) name.get(0);
                    String value = name.get(1).toString();
                    if (type == 2) {
                        hosts.add(value.toLowerCase(Locale.ROOT));
                    } else if (type == 7) {
                        addresses.add(address(value, value));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // a certificate whose names cannot be read names nothing
        }
        return new CertificateNames(hosts, addresses);
    }

    public boolean covers(CertificateNames wanted) {
        return hostNames.containsAll(wanted.hostNames) && addresses.containsAll(wanted.addresses);
    }

    /** A name for the certificate's subject: the machine's host name, else localhost. */
    public String principalName() {
        return hostNames.stream()
                .filter(n -> !n.equals("localhost") && !n.startsWith("*"))
                .findFirst()
                .orElse("localhost");
    }

    private static String address(String literal, String asGiven) {
        try {
            // a literal: no name is looked up
            return InetAddress.getByName(literal).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(
                    "allot.tls.hostnames: '" + asGiven + "' is neither a host name nor an IP address.", e);
        }
    }

    private static Optional<String> localHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return HOST_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches() ? Optional.of(name) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
