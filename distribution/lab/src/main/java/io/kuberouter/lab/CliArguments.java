package io.kuberouter.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's command line.
 *
 * @param command {@code run} or {@code down}
 * @param scenario the scenario directory ({@code run})
 * @param json where to write the matrix as JSON instead of stdout ({@code run}), or null
 */
record CliArguments(String command, Path scenario, boolean staticRoutes, boolean agents, List<String> agentArgs,
        boolean uml, boolean hold, Path json) {

    static final String USAGE = """
            usage: lab run SCENARIO [--static-routes] [--no-agents] [--agent-arg=FLAG]... [--uml] [--hold] [--json=FILE]
                     bring the scenario up, print its reachability matrix (table, then JSON), compare it with
                     SCENARIO/expected.json if present, tear it down; exit 0 = as expected, 1 = differs
                     --static-routes  route each node's pod CIDR via its InternalIP on every other node
                     --no-agents      no API and no agents: namespaces, CNI and pod servers only
                     --agent-arg=F    pass kube-router flag F to every agent (repeatable)
                     --uml            run the whole lab in one user-mode-linux guest (IPVS, ipip, dummy, SCTP)
                     --hold           after printing, keep the lab up until Ctrl-C
                     --json=FILE      write the JSON to FILE instead of stdout
                   lab down --all
                     remove what crashed runs left: their namespaces krlab-*, recorded processes, run directories
            """;
    private static final List<String> SWITCHES = List.of("--static-routes", "--no-agents", "--uml", "--hold");
    private static final String AGENT_ARG = "--agent-arg=";
    private static final String JSON = "--json=";

    /** Parses {@code args}; throws IllegalArgumentException with the reason on a malformed command line. */
    static CliArguments parse(List<String> args) {
        if (args.equals(List.of("down", "--all"))) {
            return new CliArguments("down", null, false, true, List.of(), false, false, null);
        }
        if (args.size() < 2 || !args.get(0).equals("run")) {
            throw new IllegalArgumentException("expected 'run SCENARIO ...' or 'down --all'");
        }
        List<String> options = args.subList(2, args.size());
        options.stream().filter(o -> !SWITCHES.contains(o) && !o.startsWith(AGENT_ARG) && !o.startsWith(JSON))
                .findFirst().ifPresent(o -> {
                    throw new IllegalArgumentException("unknown option " + o);
                });
        boolean uml = options.contains("--uml");
        boolean hold = options.contains("--hold");
        if (uml && hold) {
            throw new IllegalArgumentException("--hold cannot be combined with --uml: nobody can reach the guest");
        }
        List<String> json = values(options, JSON);
        return new CliArguments("run", Path.of(args.get(1)).toAbsolutePath(), options.contains("--static-routes"),
                !options.contains("--no-agents"), values(options, AGENT_ARG), uml, hold,
                json.isEmpty() ? null : Path.of(json.get(json.size() - 1)).toAbsolutePath());
    }

    /** The values of the options {@code NAME=value} with {@code prefix} = {@code NAME=}, in order. */
    private static List<String> values(List<String> options, String prefix) {
        return options.stream().filter(o -> o.startsWith(prefix)).map(o -> o.substring(prefix.length())).toList();
    }

    /** The same run as arguments for the lab inside the guest: everything but {@code --uml} (never with --hold). */
    List<String> guestArgs() {
        List<String> args = new ArrayList<>(List.of("run", scenario.toString()));
        if (staticRoutes) {
            args.add("--static-routes");
        }
        if (!agents) {
            args.add("--no-agents");
        }
        agentArgs.forEach(a -> args.add(AGENT_ARG + a));
        if (json != null) {
            args.add(JSON + json);
        }
        return args;
    }
}
