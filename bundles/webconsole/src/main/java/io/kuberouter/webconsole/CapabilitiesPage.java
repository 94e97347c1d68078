package io.kuberouter.webconsole;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Web Console's Capabilities page ({@code /system/console/capabilities}), a plain servlet that
 * Web Console 5 picks up by its {@code felix.webconsole.*} service properties, so this bundle
 * needs no Web Console API. The console authenticates every request; GET renders the page inside
 * the console's frame, POST starts or stops a feature and answers 303 back to the page. A POST
 * without the page's {@link FormToken} gets 403.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + CapabilitiesPage.LABEL,
        "felix.webconsole.title=Capabilities",
        "felix.webconsole.category=kube-router"})
public class CapabilitiesPage extends HttpServlet {

    static final String LABEL = "capabilities";

    private final NodeCapabilities node;
    private final FormToken token = new FormToken();

    @Activate
    public CapabilitiesPage(@Reference NodeCapabilities node) {
        this.node = node;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String result = Objects.requireNonNullElse(request.getParameter("result"), "");
        CapabilitiesHtml page = new CapabilitiesHtml(node.report(), request.getRequestURI(), token.value());
        response.setContentType("text/html;charset=utf-8");
        response.getWriter().write(page.render(result));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!token.matches(request.getParameter("token"))) {
            plain(response, HttpServletResponse.SC_FORBIDDEN, "missing or wrong form token; reload the page");
            return;
        }
        String feature = Objects.requireNonNullElse(request.getParameter("feature"), "");
        try {
            String result = switch (Objects.requireNonNullElse(request.getParameter("action"), "")) {
                case "start" -> node.start(feature);
                case "stop" -> node.stop(feature);
                default -> throw new IllegalArgumentException("action must be start or stop");
            };
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getRequestURI() + "?result="
                    + URLEncoder.encode(result, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            plain(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        } catch (BundleException | IOException e) {
            plain(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, feature + ": " + e.getMessage());
        }
    }

    private static void plain(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().println(message);
    }
}
