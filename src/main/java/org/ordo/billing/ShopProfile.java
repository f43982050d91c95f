package org.ordo.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.ordo.billing.internal.ShopProfiles;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.PerTransaction;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop as people see it: its name (in the back office's sidebar and page titles, at the head of documents and
 * in mails) and its logo (sidebar and documents), set by an admin. Without a name set, the seller's legal name
 * ({@code ORDO_SELLER_NAME}) is the shop's name; the legal lines of invoices always name the seller.
 */
@Service
public class ShopProfile {

    public static final int MAX_NAME = 80;

    private final ShopProfiles profiles;
    private final Seller seller;
    private final Clock clock;

    ShopProfile(ShopProfiles profiles, Seller seller, Clock clock) {
        this.profiles = profiles;
        this.seller = seller;
        this.clock = clock;
    }

    /** The shop now: its name, whether it has a logo, and when either last changed (null: never). */
    public record Shop(String name, boolean nameSet, boolean hasLogo, Instant changedAt) {
    }

    /**
     * One small read, no logo bytes: for every page and every message. Read once per transaction: a transaction
     * that places hundreds of orders (an EDI interchange's batch) read it for each order's confirmation
     * (docs/benchmarks.md, P4); a change in the same transaction is read again.
     */
    @Transactional(readOnly = true)
    public Shop current() {
        Shop[] known = read.get(() -> new Shop[1]).orElseGet(() -> new Shop[1]);
        if (known[0] == null) {
            known[0] = profiles.read()
                    .map(r -> new Shop(r.name() == null ? seller.name() : r.name(), r.name() != null, r.hasLogo(),
                            r.updatedAt()))
                    .orElseGet(() -> new Shop(seller.name(), false, false, null));
        }
        return known[0];
    }

    /** The shop as the caller's transaction read it; emptied when the transaction changes it. */
    private final PerTransaction<Shop[]> read = new PerTransaction<>();

    private void changed() {
        read.current().ifPresent(known -> known[0] = null);
    }

    public String name() {
        return current().name();
    }

    /** The logo as a PNG Ordo drew itself from the upload, if one is set. */
    @Transactional(readOnly = true)
    public Optional<byte[]> logo() {
        return profiles.logo();
    }

    /** Sets the shop's name; blank goes back to the seller's name. A 422 naming {@code name} when it is not taken. */
    @Transactional
    public void rename(String name, String actor) {
        String trimmed = name == null ? "" : TextInput.check("name", name, false).strip();
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidInputException("name", Wording.of("platform.must_be_at_most_characters", MAX_NAME));
        }
        profiles.setName(trimmed.isEmpty() ? null : trimmed, clock.instant(), actor);
        changed();
    }

    /**
     * Sets the logo from an uploaded file: PNG or JPEG recognised by its bytes, at most 512 KB and 4,000 pixels a
     * side, kept re-drawn as a PNG; anything else is a 422 naming {@code logo} and changes nothing.
     */
    @Transactional
    public void changeLogo(byte[] upload, String actor) {
        profiles.setLogo(org.ordo.billing.internal.LogoImages.reencode(upload), clock.instant(), actor);
        changed();
    }

    /** Removes the logo: documents and the sidebar show the name alone. */
    @Transactional
    public void removeLogo(String actor) {
        profiles.setLogo(null, clock.instant(), actor);
        changed();
    }
}
