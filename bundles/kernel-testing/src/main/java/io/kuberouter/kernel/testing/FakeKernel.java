package io.kuberouter.kernel.testing;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netfilter.IptablesBackend;
import io.kuberouter.kernel.api.netns.NetnsRef;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-memory kernel: a host network namespace plus namespaces added by the test, and one fake per
 * SPI acting on the namespace of the calling thread ({@link FakeNetns#call} switches it). Every fake
 * of one kernel shares its {@link Faults} and its lock.
 */
public final class FakeKernel {

    /** The namespace threads start in. */
    public static final NetnsRef HOST = new NetnsRef(Path.of("/proc/1/ns/net"), "");

    private final Map<NetnsRef, NetnsState> namespaces = new HashMap<>();
    private final ThreadLocal<NetnsRef> current = ThreadLocal.withInitial(() -> HOST);
    private final Faults faults = new Faults();
    private final FakeLinks links = new FakeLinks(this);
    private final FakeAddresses addresses = new FakeAddresses(this);
    private final FakeRoutes routes = new FakeRoutes(this);
    private final FakeRules rules = new FakeRules(this);
    private final FakeIpvs ipvs = new FakeIpvs(this);
    private final FakeConntrack conntrack = new FakeConntrack(this);
    private final FakeSysctls sysctls = new FakeSysctls(this);
    private final FakeNetns netns = new FakeNetns(this);
    private final FakeIptables iptables;
    private final FakeIpsets ipsets = new FakeIpsets(this);
    private final FakeNftables nftables = new FakeNftables(this);

    /** A kernel whose iptables fake reports the nft backend. */
    public FakeKernel() {
        this(IptablesBackend.NFT);
    }

    public FakeKernel(IptablesBackend backend) {
        namespaces.put(HOST, new NetnsState());
        iptables = new FakeIptables(this, backend);
    }

    /** Creates an empty namespace (loopback only), like {@code ip netns add NAME}. */
    public synchronized NetnsRef addNetns(String name) {
        return addNetns(NetnsRef.named(name));
    }

    /** Creates an empty namespace for any reference, e.g. {@code NetnsRef.ofPid(4242)}. */
    public synchronized NetnsRef addNetns(NetnsRef ns) {
        if (namespaces.putIfAbsent(ns, new NetnsState()) != null) {
            throw new IllegalArgumentException("namespace exists: " + ns);
        }
        return ns;
    }

    /** Deletes a namespace and everything in it. */
    public synchronized void deleteNetns(NetnsRef ns) {
        if (ns.equals(HOST) || namespaces.remove(ns) == null) {
            throw new IllegalArgumentException("cannot delete namespace " + ns);
        }
    }

    public Faults faults() {
        return faults;
    }

    public FakeLinks links() {
        return links;
    }

    public FakeAddresses addresses() {
        return addresses;
    }

    public FakeRoutes routes() {
        return routes;
    }

    public FakeRules rules() {
        return rules;
    }

    public FakeIpvs ipvs() {
        return ipvs;
    }

    public FakeConntrack conntrack() {
        return conntrack;
    }

    public FakeSysctls sysctls() {
        return sysctls;
    }

    public FakeNetns netns() {
        return netns;
    }

    public FakeIptables iptables() {
        return iptables;
    }

    public FakeIpsets ipsets() {
        return ipsets;
    }

    public FakeNftables nftables() {
        return nftables;
    }

    /** Records the call, fires an injected fault, and returns the calling thread's namespace. */
    NetnsState enter(String operation, String object) throws KernelException {
        faults.enter(operation, object);
        return state();
    }

    /** The calling thread's namespace. */
    NetnsState state() {
        return namespaces.get(current.get());
    }

    /** The state of {@code ns}, or ENOENT for {@code operation}. */
    NetnsState state(NetnsRef ns, String operation) throws KernelException {
        NetnsState s = namespaces.get(ns);
        if (s == null) {
            throw KernelException.of(operation, ns.toString(), Errno.ENOENT);
        }
        return s;
    }

    boolean exists(NetnsRef ns) {
        return namespaces.containsKey(ns);
    }

    NetnsRef current() {
        return current.get();
    }

    void switchTo(NetnsRef ns) {
        current.set(ns);
    }
}
