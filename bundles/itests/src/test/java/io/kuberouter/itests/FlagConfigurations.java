package io.kuberouter.itests;

import static org.ops4j.pax.exam.cm.ConfigurationAdminOptions.newConfiguration;

import io.kuberouter.launcher.flags.CommandLine;
import io.kuberouter.launcher.flags.ConfigurationMapper;
import io.kuberouter.launcher.flags.Outcome;
import java.util.List;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.cm.ConfigurationOption;

/** The configurations the launcher writes for a kube-router command line, as pax-exam options. */
final class FlagConfigurations {

    private FlagConfigurations() {
    }

    static List<Option> of(String... flags) {
        Outcome outcome = CommandLine.parse(List.of(flags));
        if (!(outcome instanceof Outcome.Run run)) {
            throw new IllegalArgumentException("flags not accepted: " + outcome);
        }
        return ConfigurationMapper.configurations(run.options()).stream().map(spec -> {
            ConfigurationOption option = newConfiguration(spec.pid());
            spec.properties().forEach(option::put);
            return option.asOption();
        }).toList();
    }
}
