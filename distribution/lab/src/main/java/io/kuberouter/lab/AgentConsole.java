package io.kuberouter.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent's Felix Web Console, reached from inside its node's namespace (the console listens on the node's
 * loopback): what an operator's browser or script does, here with {@code curl}. Needs the agent started with
 * {@code --webconsole-password=}{@link #PASSWORD}.
 */
public final class AgentConsole {
    /** The console port the lab's agents use (the flag's default). */
    static final int PORT = 20245;
    /** The lab's console password; the user is the default {@code admin}. */
    public static final String PASSWORD = "lab-console";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LabNode node;

    AgentConsole(LabNode node) {
        this.node = node;
    }

    /**
     * Runs a Web Console bundle action ({@code start}, {@code stop}, {@code update}, {@code refresh}) on the bundle
     * with symbolic name {@code symbolicName}; returns the console's JSON answer, throws IllegalStateException unless
     * it answered 200.
     */
    public String bundleAction(String symbolicName, String action) {
        return post("/system/console/bundles/" + symbolicName, "action=" + action);
    }

    /**
     * Uploads bundle {@code jar} as an operator does on the Bundles page ("Install/Update", start, refresh packages):
     * the console updates the installed bundle of the same symbolic name in place, in the background. Returns the
     * console's answer; poll {@link #bundle} for the new version.
     */
    public String installOrUpdate(Path jar) {
        return curl(List.of("-F", "action=install", "-F", "bundlestart=start", "-F", "refreshPackages=true",
                "-F", "bundlefile=@" + jar, url("/system/console/bundles")));
    }

    /** Every installed bundle's state ({@code Active}, {@code Resolved}, ...) and version, by symbolic name. */
    public Map<String, String> bundles() {
        Map<String, String> bundles = new TreeMap<>();
        for (JsonNode bundle : JSON.readTree(get("/system/console/bundles.json")).path("data")) {
            bundles.put(bundle.path("symbolicName").asString(), bundle.path("state").asString() + " "
                    + bundle.path("version").asString());
        }
        return bundles;
    }

    /** The console's JSON description of the bundle with symbolic name {@code symbolicName}. */
    public String bundle(String symbolicName) {
        return get("/system/console/bundles/" + symbolicName + ".json");
    }

    private String post(String path, String form) {
        return curl(List.of("-X", "POST", "--data", form, url(path)));
    }

    private String get(String path) {
        return curl(List.of(url(path)));
    }

    private String curl(List<String> request) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--fail-with-body", "-m", "30",
                "-u", "admin:" + PASSWORD));
        command.addAll(request);
        Shell.Result result = Shell.run(Shell.inNetns(node.netns(), command), Map.of(), "");
        if (result.exitCode() != 0) {
            throw new IllegalStateException("console of " + node.name() + ": " + String.join(" ", request) + " -> "
                    + result);
        }
        return result.stdout();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + PORT + path;
    }
}
