package io.kuberouter.kernel.exec.netfilter;

import io.kuberouter.kernel.api.Errno;
import io.kuberouter.kernel.api.KernelException;
import io.kuberouter.kernel.exec.process.ProcessResult;
import io.kuberouter.kernel.exec.process.ProcessRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link ProcessRunner} answering from a table keyed by the joined command line; records calls. */
final class ScriptedRunner implements ProcessRunner {

    final List<String> commands = new ArrayList<>();
    final List<String> stdins = new ArrayList<>();
    private final Map<String, ProcessResult> answers = new LinkedHashMap<>();

    /** Commands starting with {@code prefix} exit with {@code exit} and print the given text. */
    ScriptedRunner answer(String prefix, int exit, String stdout, String stderr) {
        answers.put(prefix, new ProcessResult(List.of(prefix.split(" ")), exit, stdout, stderr));
        return this;
    }

    @Override
    public ProcessResult run(List<String> command, CharSequence stdin, Duration timeout) throws KernelException {
        String line = String.join(" ", command);
        commands.add(line);
        stdins.add(stdin.toString());
        for (Map.Entry<String, ProcessResult> a : answers.entrySet()) {
            if (line.startsWith(a.getKey())) {
                ProcessResult r = a.getValue();
                return new ProcessResult(command, r.exitCode(), r.stdout(), r.stderr());
            }
        }
        throw KernelException.of(command.get(0), "", Errno.ENOENT);
    }
}
