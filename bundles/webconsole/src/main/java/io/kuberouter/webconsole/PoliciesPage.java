package io.kuberouter.webconsole;

import io.kuberouter.api.firewall.FirewallView;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The Web Console's Network policies page ({@code /system/console/policies?pod=NAMESPACE[/POD]}): per local pod,
 * the policies that select it and the resulting chains, as the firewall last programmed them; read-only. The
 * firewall is an optional dynamic reference: while none runs the page says so.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=policies",
        "felix.webconsole.title=Network policies",
        "felix.webconsole.category=kube-router"})
public class PoliciesPage extends HttpServlet {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FirewallView firewall;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FirewallView current = firewall;
        response.setContentType("text/html;charset=utf-8");
        response.getWriter().write(PoliciesHtml.render(current == null ? null
                : PodRows.of(current, request.getParameter("pod"))));
    }
}
