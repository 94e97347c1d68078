package io.kuberouter.proxy.model;

import io.kuberouter.api.cluster.Service;
import io.kuberouter.api.proxy.Problem;
import io.kuberouter.api.proxy.SchedulerFlag;
import io.kuberouter.api.proxy.Scheduling;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * kube-router's Service annotations for the proxy (behaviour inventory §2.1), read leniently as upstream
 * does, but never silently: a value kube-router would ignore is reported as a {@link Problem} and the
 * annotation falls back to upstream's default.
 *
 * @param scheduling scheduler and flags (the affinity timeout comes from the Service spec)
 * @param externalLocal {@code kube-router.io/service.local: "true"}: externalTrafficPolicy Local (the internal
 *     policy keeps the spec's value)
 * @param skipLoadBalancerIps {@code kube-router.io/service.skiplbips} present: no LoadBalancer frontends
 */
record ServiceAnnotations(Scheduling scheduling, boolean externalLocal, boolean skipLoadBalancerIps) {

    static final String SCHEDULER = "kube-router.io/service.scheduler";
    static final String SCHED_FLAGS = "kube-router.io/service.schedflags";
    static final String LOCAL = "kube-router.io/service.local";
    static final String SKIP_LB_IPS = "kube-router.io/service.skiplbips";

    /** The schedulers IPVS offers (kernel {@code ip_vs_*.ko}); kube-router documents rr, lc, dh, sh and mh. */
    static final Set<String> SCHEDULERS =
            Set.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh", "twos");
    private static final String MAGLEV = "mh";

    /** Reads the annotations of {@code service}, adding a problem for each value it cannot honour. */
    static ServiceAnnotations of(Service service, List<Problem> problems) {
        String scheduler = scheduler(service, problems);
        Set<SchedulerFlag> flags = flags(service, scheduler, problems);
        Scheduling scheduling = new Scheduling(scheduler, flags, service.sessionAffinityTimeoutSeconds());
        return new ServiceAnnotations(scheduling, local(service, problems),
                service.annotations().containsKey(SKIP_LB_IPS));
    }

    /** Unknown scheduler: round robin, as upstream. */
    private static String scheduler(Service service, List<Problem> problems) {
        String value = service.annotation(SCHEDULER);
        if (value == null) {
            return "rr";
        }
        String name = value.strip();
        if (SCHEDULERS.contains(name)) {
            return name;
        }
        problems.add(new Problem(service.key(), "unknown-scheduler",
                "ignoring " + SCHEDULER + " '" + value + "': not an IPVS scheduler, using rr"));
        return "rr";
    }

    /** Flags are honoured with {@code mh} only, as upstream; unknown entries are skipped. */
    private static Set<SchedulerFlag> flags(Service service, String scheduler, List<Problem> problems) {
        String value = service.annotation(SCHED_FLAGS);
        EnumSet<SchedulerFlag> flags = EnumSet.noneOf(SchedulerFlag.class);
        if (value == null || value.isBlank()) {
            return flags;
        }
        for (String item : value.split(",", -1)) {
            String name = item.strip().toLowerCase(Locale.ROOT);
            SchedulerFlag flag = EnumSet.allOf(SchedulerFlag.class).stream()
                    .filter(f -> f.annotationValue().equals(name)).findFirst().orElse(null);
            if (flag == null) {
                problems.add(new Problem(service.key(), "malformed-annotation",
                        "ignoring '" + item + "' in " + SCHED_FLAGS + ": expected flag-1, flag-2 or flag-3"));
            } else {
                flags.add(flag);
            }
        }
        return MAGLEV.equals(scheduler) ? flags : EnumSet.noneOf(SchedulerFlag.class);
    }

    /** Only the exact value {@code "true"} counts, as upstream; anything but true/false is reported. */
    private static boolean local(Service service, List<Problem> problems) {
        String value = service.annotation(LOCAL);
        if (value != null && !value.equals("true") && !value.equals("false")) {
            problems.add(new Problem(service.key(), "malformed-annotation",
                    "ignoring " + LOCAL + " '" + value + "': expected true or false"));
        }
        return "true".equals(value);
    }
}
