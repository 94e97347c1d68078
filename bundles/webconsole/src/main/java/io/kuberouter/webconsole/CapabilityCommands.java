package io.kuberouter.webconsole;

import java.io.IOException;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands with the Capabilities page's information and actions:
 * {@code kr:capabilities} lists the features, their bundles and the running capabilities;
 * {@code kr:capability start|stop FEATURE} starts (installing what it lacks) or stops a feature on
 * this node. Each returns its text, which the shell prints.
 */
@Component(service = CapabilityCommands.class, property = {
        "osgi.command.scope=kr",
        "osgi.command.function=capabilities",
        "osgi.command.function=capability"})
public class CapabilityCommands {

    private final NodeCapabilities node;

    @Activate
    public CapabilityCommands(@Reference NodeCapabilities node) {
        this.node = node;
    }

    public String capabilities() {
        return CapabilitiesText.render(node.report());
    }

    public String capability(String action, String feature) throws IOException, BundleException {
        return switch (action) {
            case "start" -> node.start(feature);
            case "stop" -> node.stop(feature);
            default -> throw new IllegalArgumentException("usage: kr:capability start|stop FEATURE");
        };
    }
}
