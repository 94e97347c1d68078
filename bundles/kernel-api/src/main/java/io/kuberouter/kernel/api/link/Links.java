package io.kuberouter.kernel.api.link;

import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.api.netns.NetnsRef;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Network interfaces of the calling thread's namespace ({@code RTM_*LINK}). Links are addressed by
 * name; a missing link fails with ENODEV, a duplicate name with EEXIST.
 */
@ProviderType
public interface Links {

    /** All links, ordered by index. */
    List<Link> list() throws KernelException;

    /** The link called {@code name}, or empty. */
    Optional<Link> get(String name) throws KernelException;

    /** Creates a link (down) and returns it as the kernel reports it. */
    Link add(LinkSpec spec) throws KernelException;

    /** Deletes a link (for veth, both ends). */
    void delete(String name) throws KernelException;

    /** Sets the link administratively up or down; idempotent. */
    void setUp(String name, boolean up) throws KernelException;

    /** Sets the MTU; EINVAL if out of the device's range. */
    void setMtu(String name, int mtu) throws KernelException;

    /** Enslaves the link to bridge {@code master}, or releases it when {@code master} is empty. */
    void setMaster(String name, Optional<String> master) throws KernelException;

    /** Moves the link into namespace {@code ns}; it disappears from this namespace. */
    void moveToNetns(String name, NetnsRef ns) throws KernelException;
}
