package io.kuberouter.kernel.api.rule;

import io.kuberouter.kernel.api.AddressFamily;
import io.kuberouter.kernel.api.KernelException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Policy routing rules of the calling thread's namespace; a rule is identified by all its fields. */
@ProviderType
public interface Rules {

    /** Rules of a family whose action is a table lookup, in priority order (the default rules included). */
    List<Rule> list(AddressFamily family) throws KernelException;

    /** Adds a rule; EEXIST if an identical rule exists. */
    void add(Rule rule) throws KernelException;

    /** Deletes the identical rule; ENOENT if there is none. */
    void delete(Rule rule) throws KernelException;
}
