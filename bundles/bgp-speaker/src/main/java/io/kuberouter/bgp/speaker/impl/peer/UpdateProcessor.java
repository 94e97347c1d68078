package io.kuberouter.bgp.speaker.impl.peer;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kuberouter.bgp.codec.model.AddressFamily;
import io.kuberouter.bgp.codec.model.IpPrefix;
import io.kuberouter.bgp.codec.model.MpReachNlri;
import io.kuberouter.bgp.codec.model.MpUnreachNlri;
import io.kuberouter.bgp.codec.model.NextHop;
import io.kuberouter.bgp.codec.model.PathAttribute;
import io.kuberouter.bgp.codec.model.UpdateMessage;
import io.kuberouter.bgp.speaker.impl.rib.AttributeInterner;
import io.kuberouter.bgp.speaker.impl.rib.FamilyRib;
import io.kuberouter.bgp.speaker.impl.rib.NextHops;
import io.kuberouter.bgp.speaker.impl.rib.PathAttributes;
import io.kuberouter.bgp.speaker.impl.rib.PathSource;
import io.kuberouter.bgp.speaker.impl.rib.Ribs;

/**
 * Applies a received UPDATE to the RIBs (RFC 4271 §9): withdrawals first, then the advertised
 * prefixes with the message's interned attributes. NLRI of families not negotiated on the
 * session are ignored (RFC 4760 §7).
 */
public final class UpdateProcessor {

    private final Ribs ribs;
    private final ImportRules imports;

    public UpdateProcessor(Ribs ribs, ImportRules imports) {
        this.ribs = ribs;
        this.imports = imports;
    }

    public ImportRules imports() {
        return imports;
    }

    /** Applies {@code update} from {@code source}, a session that negotiated {@code families}. */
    public void apply(PathSource source, Set<AddressFamily> families, UpdateMessage update) {
        withdraw(source, families, AddressFamily.IPV4_UNICAST, update.withdrawnRoutes());
        for (PathAttribute attribute : update.attributes()) {
            if (attribute instanceof MpUnreachNlri unreach) {
                withdraw(source, families, unreach.family(), unreach.prefixes());
            }
        }
        boolean usable = imports.loopFree(update.attributes());
        AttributeInterner interner = ribs.interner();
        if (!update.nlri().isEmpty() && families.contains(AddressFamily.IPV4_UNICAST)) {
            byte[] nextHop = update.attribute(NextHop.class).orElseThrow().address().getAddress();
            announce(AddressFamily.IPV4_UNICAST, source, update.nlri(), interner.intern(update.attributes(), nextHop),
                    usable);
        }
        for (PathAttribute attribute : update.attributes()) {
            if (attribute instanceof MpReachNlri reach && families.contains(reach.family())
                    && ribs.get(reach.family()) != null && !reach.prefixes().isEmpty()) {
                byte[] nextHop = NextHops.octets(reach.nextHops());
                announce(reach.family(), source, reach.prefixes(), interner.intern(update.attributes(), nextHop),
                        usable);
            }
        }
    }

    /** Withdraws the prefixes of a treat-as-withdraw outcome (RFC 7606 §2). */
    public void withdraw(PathSource source, Set<AddressFamily> families, Map<AddressFamily, List<IpPrefix>> byFamily) {
        byFamily.forEach((family, prefixes) -> withdraw(source, families, family, prefixes));
    }

    private void withdraw(PathSource source, Set<AddressFamily> families, AddressFamily family, List<IpPrefix> prefixes) {
        FamilyRib rib = ribs.get(family);
        if (rib != null && families.contains(family)) {
            prefixes.forEach(prefix -> rib.withdraw(source.index(), prefix));
        }
    }

    private void announce(AddressFamily family, PathSource source, List<IpPrefix> prefixes, PathAttributes received,
            boolean usable) {
        FamilyRib rib = ribs.get(family);
        AttributeInterner interner = ribs.interner();
        for (IpPrefix prefix : prefixes) {
            PathAttributes effective = usable ? imports.effective(source, prefix, received) : null;
            rib.update(source.index(), prefix, received, effective);
            interner.release(effective);
        }
        interner.release(received);
    }
}
