package io.kuberouter.bgp.codec.model;

import java.util.Objects;

/** ORIGIN, type 1, well-known mandatory (RFC 4271 §5.1.1). */
public record Origin(OriginType type) implements PathAttribute {

    public static final Origin IGP = new Origin(OriginType.IGP);
    public static final Origin EGP = new Origin(OriginType.EGP);
    public static final Origin INCOMPLETE = new Origin(OriginType.INCOMPLETE);

    public Origin {
        Objects.requireNonNull(type, "type");
    }
}
