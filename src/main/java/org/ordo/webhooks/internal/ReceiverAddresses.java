package org.ordo.webhooks.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.ordo.platform.Wording;

/**
 * Where webhooks may go. A receiver's URL is https on a public address: Ordo must not be made to call into the
 * network it runs in (SSRF), so private, loopback, link-local, shared and multicast addresses are refused, when
 * the URL names them and again when its host resolves to them at delivery (a name may be re-pointed). http is
 * allowed only to localhost, and only when the operator allows it (tests, a receiver on the same machine).
 */
public final class ReceiverAddresses {

    public static final int MAX_URL = 2000;

    private final boolean allowHttpLocalhost;
    private final boolean allowPrivateNetworks;

    public ReceiverAddresses(boolean allowHttpLocalhost, boolean allowPrivateNetworks) {
        this.allowHttpLocalhost = allowHttpLocalhost;
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** Null when {@code url} may be subscribed; else why not (the host is not resolved here). */
    public Wording problem(String url) {
        if (url == null || url.isBlank()) {
            return Wording.of("webhooks.is_required_the_receiver_s_https");
        }
        if (url.length() > MAX_URL) {
            return Wording.of("platform.must_be_at_most_characters", MAX_URL);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Wording.of("webhooks.url_not_a_url", e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Wording.of("webhooks.url_not_absolute");
        }
        boolean localhost = isLocalhost(host);
        if (scheme.equals("http")) {
            return allowHttpLocalhost && localhost ? null : Wording.of("webhooks.url_http");
        }
        if (!scheme.equals("https")) {
            return Wording.of("webhooks.url_not_https");
        }
        if (allowPrivateNetworks || (allowHttpLocalhost && localhost)) {
            return null;
        }
        if (localhost || host.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
            return Wording.of("webhooks.url_this_machine");
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (literal.matches("[0-9.]+") || literal.contains(":")) {
            try {
                if (!isPublic(InetAddress.getByName(literal))) {
                    return Wording.of("webhooks.url_private");
                }
            } catch (UnknownHostException e) {
                return Wording.of("webhooks.url_invalid_address");
            }
        }
        return null;
    }

    /**
     * Null when the URL's host resolves to public addresses only (or the operator allows private ones, or it is an
     * allowed localhost); else why it must not be called now.
     */
    public String refusalAtDelivery(URI uri) {
        String host = uri.getHost();
        if (allowPrivateNetworks || (allowHttpLocalhost && isLocalhost(host))) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!isPublic(address)) {
                    return host + " resolves to " + address.getHostAddress()
                            + ", a private, loopback or link-local address";
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return "unknown host " + host;
        }
    }

    static boolean isLocalhost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
    }

    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            // fc00::/7 unique local addresses; IPv4-mapped addresses are judged as IPv4
            if ((b[0] & 0xfe) == 0xfc) {
                return false;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        // 0.0.0.0/8, 100.64.0.0/10 (carrier-grade NAT), 192.0.0.0/24, 198.18.0.0/15 (benchmarks), 240.0.0.0/4
        return !(first == 0 || (first == 100 && second >= 64 && second < 128)
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19))
                || first >= 240);
    }
}
