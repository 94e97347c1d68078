package io.kuberouter.kernel.api.ipvs;

/**
 * Global IPVS connection timeouts in seconds ({@code ipvsadm --set tcp tcpfin udp}); in
 * {@link Ipvs#setTimeouts(IpvsTimeouts)} a 0 leaves that timeout unchanged.
 */
public record IpvsTimeouts(int tcp, int tcpFin, int udp) {

    public IpvsTimeouts {
        if (tcp < 0 || tcpFin < 0 || udp < 0) {
            throw new IllegalArgumentException("negative IPVS timeout");
        }
    }
}
