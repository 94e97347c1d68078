package io.kuberouter.capabilities;

import java.io.IOException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.BundleException;

/**
 * The features of this node, hot-loaded. The features that should run are the union of those the
 * launcher's flags enable, those the Node's {@value #NODE_ANNOTATION} annotation lists (when the
 * agent runs with {@code --node-capabilities}) and those an operator started from the Web Console or
 * the shell. Registered by the capabilities bundle; the console and the {@code kr:*} commands use it.
 *
 * <p>Threading: thread-safe; changes of the node's features are applied one at a time.
 */
@ProviderType
public interface FeatureManager {

    /** ConfigurationAdmin PID of the manager (written by the launcher). */
    String PID = "io.kuberouter.capabilities";

    /**
     * The Node annotation whose value lists the capability features ({@link Feature#CAPABILITIES}) the
     * node runs in addition to the flags', comma-separated, e.g. {@code proxy,firewall,dsr}.
     */
    String NODE_ANNOTATION = "kube-router.io/capabilities";

    /**
     * Every feature of the distribution, sorted by name, as it stands now.
     *
     * @throws IOException when the feature descriptors cannot be read; the message names the folder or file
     */
    List<FeatureStatus> features() throws IOException;

    /**
     * Starts a feature: installs those of its bundles this node lacks (from the distribution's bundle
     * folder, at the descriptor's start levels), then starts its bundles in ascending start-level
     * order. The feature counts as enabled by an operator until it is stopped.
     *
     * @return what was done, one line for the operator
     * @throws IllegalArgumentException when the distribution has no such feature
     * @throws IOException when the descriptors cannot be read or a bundle's jar is missing
     * @throws BundleException when a bundle fails to install or start
     */
    String start(String name) throws IOException, BundleException;

    /**
     * Stops a feature's bundles in descending start-level order, keeping those another enabled feature
     * also names. Bundles stay installed. Never stops {@code core}, nor a feature hosting a user of
     * this service (the console and the shell, which would be cut off mid-request).
     *
     * @return what was done, one line for the operator
     * @throws IllegalArgumentException when there is no such feature, it is not installed, or it may not be stopped
     * @throws IOException when the descriptors cannot be read
     * @throws BundleException when a bundle fails to stop
     */
    String stop(String name) throws IOException, BundleException;
}
