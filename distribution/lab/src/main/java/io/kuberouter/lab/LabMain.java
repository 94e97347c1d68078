package io.kuberouter.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** {@code bin/lab}: the lab's command line (see {@link CliArguments#USAGE}). */
public final class LabMain {
    static final int AS_EXPECTED = 0;
    static final int DIFFERS = 1;
    static final int USAGE = 2;
    static final int FAILED = 3;

    private LabMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args), System.out));
    }

    static int run(List<String> args, PrintStream out) throws IOException, InterruptedException {
        CliArguments cli;
        try {
            cli = CliArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("lab: " + e.getMessage() + "\n" + CliArguments.USAGE);
            return USAGE;
        }
        LabOptions options = LabOptions.defaults().withStaticRoutes(cli.staticRoutes()).withAgents(cli.agents())
                .withAgentArgs(cli.agentArgs());
        if (cli.command().equals("down")) {
            Janitor.removeLeftovers(options.workDir()).forEach(line -> System.err.println("lab: " + line));
            return AS_EXPECTED;
        }
        if (cli.json() != null) {
            Files.createDirectories(cli.json().getParent());
        }
        if (cli.uml()) {
            return UmlRelaunch.run(cli, options);
        }
        try (Lab lab = Lab.up(cli.scenario(), options)) {
            return report(lab, lab.probe(), cli, out);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            System.err.println("lab: " + e.getMessage());
            return FAILED;
        }
    }

    private static int report(Lab lab, Matrix matrix, CliArguments cli, PrintStream out)
            throws IOException, InterruptedException {
        out.print(matrix.table());
        if (cli.json() == null) {
            out.print(matrix.toJson());
        } else {
            Files.writeString(cli.json(), matrix.toJson());
        }
        int status = compare(lab.scenario(), matrix);
        if (cli.hold()) {
            System.err.println("lab: holding run " + lab.runId() + " (namespaces " + RunRecord.PREFIX + lab.runId()
                    + "-*; " + lab.apiUrl().map(url -> "API " + url + ", reachable from the node namespaces")
                    .orElse("no API") + "); Ctrl-C tears down");
            Thread.currentThread().join();
        }
        return status;
    }

    private static int compare(Scenario scenario, Matrix matrix) {
        if (scenario.expected().isEmpty()) {
            System.err.println("lab: no " + Scenario.EXPECTED + " in the scenario, nothing to compare");
            return AS_EXPECTED;
        }
        List<String> differences = matrix.differences(scenario.expected().get());
        differences.forEach(d -> System.err.println("lab: differs: " + d));
        System.err.println("lab: " + (differences.isEmpty() ? "as expected" : differences.size() + " differences from "
                + Scenario.EXPECTED));
        return differences.isEmpty() ? AS_EXPECTED : DIFFERS;
    }
}
