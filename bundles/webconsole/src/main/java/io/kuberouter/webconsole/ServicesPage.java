package io.kuberouter.webconsole;

import io.kuberouter.api.proxy.ServiceProxyView;
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
 * The Web Console's Services page ({@code /system/console/kube-services}; the label
 * {@code services} is the Web Console's own list of OSGi services): the running proxy's virtual servers with
 * their endpoints and the kernel's counters, read-only. The proxy is an optional dynamic reference: while none
 * runs the page says so.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=kube-services",
        "felix.webconsole.title=Services",
        "felix.webconsole.category=kube-router"})
public class ServicesPage extends HttpServlet {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceProxyView proxy;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServiceProxyView current = proxy;
        response.setContentType("text/html;charset=utf-8");
        response.getWriter().write(ServicesHtml.render(current == null ? null : ServiceRows.of(current)));
    }
}
