package io.kuberouter.bgp.codec.model;

/**
 * A large community (RFC 8092 §3): three unsigned 32-bit values.
 *
 * @param globalAdministrator the AS number of the community's namespace
 * @param localData1 operator-defined
 * @param localData2 operator-defined
 */
public record LargeCommunity(long globalAdministrator, long localData1, long localData2) {

    public LargeCommunity {
        Unsigned.u32("globalAdministrator", globalAdministrator);
        Unsigned.u32("localData1", localData1);
        Unsigned.u32("localData2", localData2);
    }

    @Override
    public String toString() {
        return globalAdministrator + ":" + localData1 + ":" + localData2;
    }
}
