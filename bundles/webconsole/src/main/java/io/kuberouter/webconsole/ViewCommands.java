package io.kuberouter.webconsole;

import io.kuberouter.api.firewall.FirewallView;
import io.kuberouter.api.proxy.ServiceProxyView;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Gogo commands with the Services and Network policies pages' information as text: {@code kr:services} and
 * {@code kr:policies [NAMESPACE[/POD]]}. The proxy and the firewall are optional dynamic references; while one is
 * absent its command says so.
 */
@Component(service = ViewCommands.class, property = {
        "osgi.command.scope=kr",
        "osgi.command.function=services",
        "osgi.command.function=policies"})
public class ViewCommands {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceProxyView proxy;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FirewallView firewall;

    public String services() {
        ServiceProxyView current = proxy;
        return ServicesText.render(current == null ? null : ServiceRows.of(current));
    }

    public String policies() {
        return policies("");
    }

    /** @param filter a namespace or {@code namespace/pod}; empty for every pod */
    public String policies(String filter) {
        FirewallView current = firewall;
        return PoliciesText.render(current == null ? null : PodRows.of(current, filter));
    }
}
