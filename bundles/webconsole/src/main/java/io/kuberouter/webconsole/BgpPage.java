package io.kuberouter.webconsole;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The Web Console's BGP page ({@code /system/console/bgp?q=ADDRESS|PREFIX}): the speaker's peers and a Loc-RIB
 * search, read-only. The speaker (created by the router capability) is an optional dynamic reference held as a
 * {@link ServiceReference}, so this class loads without the speaker's API; while none runs the page says so.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=bgp",
        "felix.webconsole.title=BGP",
        "felix.webconsole.category=kube-router"})
public class BgpPage extends HttpServlet {

    private final BundleContext context;

    @Reference(service = io.kuberouter.bgp.speaker.BgpSpeaker.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceReference<?> speaker;

    @Activate
    public BgpPage(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        BgpRows rows = SpeakerReader.read(context, speaker, request.getParameter("q"), Instant.now());
        response.setContentType("text/html;charset=utf-8");
        response.getWriter().write(BgpHtml.render(rows));
    }
}
