package io.kuberouter.bgp.speaker.it;

import io.kuberouter.kernel.harness.Netns;

/**
 * The interop topology: our speaker's namespace S and the peer daemon's namespace P joined
 * directly (10.99.1.0/24 with two addresses per side, fd99:1::/64), and a second path through a
 * router namespace R (S 10.99.2.1 – R – P 10.99.3.2) for eBGP multihop. Addresses and routes exist
 * only inside the lab's namespaces.
 *
 * @param speaker namespace of our speaker: 10.99.1.1, 10.99.1.11, fd99:1::1, 10.99.2.1
 * @param peer namespace of the daemon: 10.99.1.2, 10.99.1.12, fd99:1::2, 10.99.3.2
 */
record Topology(Netns speaker, Netns peer) {

    static Topology build(Lab lab) {
        Netns s = lab.namespace();
        Netns p = lab.namespace();
        Netns r = lab.namespace();
        lab.link(s, "s-p", p, "p-s");
        for (String cidr : new String[] {"10.99.1.1/24", "10.99.1.11/24", "fd99:1::1/64"}) {
            lab.address(s, "s-p", cidr);
        }
        for (String cidr : new String[] {"10.99.1.2/24", "10.99.1.12/24", "fd99:1::2/64"}) {
            lab.address(p, "p-s", cidr);
        }
        lab.link(s, "s-r", r, "r-s");
        lab.link(r, "r-p", p, "p-r");
        lab.address(s, "s-r", "10.99.2.1/24");
        lab.address(r, "r-s", "10.99.2.254/24");
        lab.address(r, "r-p", "10.99.3.254/24");
        lab.address(p, "p-r", "10.99.3.2/24");
        s.ip("route", "add", "10.99.3.0/24", "via", "10.99.2.254");
        p.ip("route", "add", "10.99.2.0/24", "via", "10.99.3.254");
        r.exec("sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        return new Topology(s, p);
    }

    /** Starts our speaker (AS 65000, router id 10.99.1.1) listening on all of S's addresses. */
    SpeakerProcess startSpeaker(Lab lab, String logName, String... gracefulRestart) {
        String[] args = {"65000", "10.99.1.1", "10.99.1.1,10.99.1.11,fd99:1::1,10.99.2.1", "179"};
        String[] all = new String[args.length + gracefulRestart.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(gracefulRestart, 0, all, args.length, gracefulRestart.length);
        return SpeakerProcess.start(lab, speaker, logName, all);
    }
}
